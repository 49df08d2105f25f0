import { defineCatalogue } from './catalogue.js';

/** Words about screenshots: what was read from a picture, and why a picture could not be read. */
export const imageMessages = defineCatalogue('image', {
  en: {
    'read-from': 'Read from your screenshot:',
    'nothing-read': 'No text could be read in this picture. If it shows an error, paste the text instead.',
    'hard-to-read':
      'The picture was hard to read (the text is small, blurred or low in contrast): some words may be wrong. Pasting the text gives a surer answer.',
    'missing-langs':
      'Vietnamese text could not be read exactly: the Vietnamese OCR model is not installed (Debian package tesseract-ocr-vie, or POPBOT_TESSDATA). The other models read it as well as they could.',
    'image.too-large': 'This picture is too large ({size}): popbot reads pictures up to {max}.',
    'image.too-many-pixels':
      'This picture is too large ({width} × {height} pixels): popbot reads pictures up to 40 megapixels.',
    'image.unsupported': 'This is not a picture popbot can read: send a PNG, JPEG, WebP or GIF.',
    'image.broken': 'This picture is damaged or cannot be decoded. Send it again, or paste the text.',
    'image.timeout': 'Reading this picture took too long. Crop it to the error message, or paste the text.',
    'image.busy': 'Too many pictures are being read right now. Try again in a minute.',
    'image.ocr-unavailable':
      'Reading pictures is not available here: no OCR model was found. Paste the text instead.',
  },
  fr: {
    'read-from': 'Texte lu dans votre capture d’écran\u00a0:',
    'nothing-read':
      'Aucun texte n’a pu être lu dans cette image. Si elle montre une erreur, collez plutôt le texte.',
    'hard-to-read':
      'L’image était difficile à lire (texte petit, flou ou peu contrasté)\u00a0: certains mots peuvent être erronés. Coller le texte donne une réponse plus sûre.',
    'missing-langs':
      'Le texte vietnamien n’a pas pu être lu avec exactitude\u00a0: le modèle de reconnaissance du vietnamien n’est pas installé (paquet Debian tesseract-ocr-vie, ou POPBOT_TESSDATA). Les autres modèles l’ont lu au mieux.',
    'image.too-large':
      'Cette image est trop volumineuse ({size})\u00a0: popbot lit les images jusqu’à {max}.',
    'image.too-many-pixels':
      'Cette image est trop grande ({width} × {height} pixels)\u00a0: popbot lit les images jusqu’à 40 mégapixels.',
    'image.unsupported':
      'Ce fichier n’est pas une image que popbot sait lire\u00a0: envoyez un PNG, un JPEG, un WebP ou un GIF.',
    'image.broken': 'Cette image est endommagée ou illisible. Renvoyez-la, ou collez le texte.',
    'image.timeout':
      'La lecture de cette image a pris trop de temps. Recadrez-la sur le message d’erreur, ou collez le texte.',
    'image.busy': 'Trop d’images sont en cours de lecture. Réessayez dans une minute.',
    'image.ocr-unavailable':
      'La lecture d’images n’est pas disponible ici\u00a0: aucun modèle de reconnaissance de texte n’a été trouvé. Collez plutôt le texte.',
  },
  vi: {
    'read-from': 'Nội dung đọc được từ ảnh chụp màn hình của bạn:',
    'nothing-read':
      'Không đọc được chữ nào trong ảnh này. Nếu ảnh có thông báo lỗi, hãy dán nội dung dạng văn bản.',
    'hard-to-read':
      'Ảnh khó đọc (chữ nhỏ, mờ hoặc độ tương phản thấp): một số từ có thể bị đọc sai. Dán nội dung dạng văn bản sẽ cho câu trả lời chính xác hơn.',
    'missing-langs':
      'Không đọc chính xác được chữ tiếng Việt: chưa cài mô hình nhận dạng tiếng Việt (gói Debian tesseract-ocr-vie, hoặc đặt POPBOT_TESSDATA). Các mô hình khác đã cố đọc hết mức có thể.',
    'image.too-large': 'Ảnh này quá lớn ({size}): popbot chỉ đọc ảnh tối đa {max}.',
    'image.too-many-pixels':
      'Ảnh này quá lớn ({width} × {height} điểm ảnh): popbot chỉ đọc ảnh tối đa 40 megapixel.',
    'image.unsupported': 'Tệp này không phải ảnh mà popbot đọc được: hãy gửi ảnh PNG, JPEG, WebP hoặc GIF.',
    'image.broken': 'Ảnh này bị hỏng hoặc không giải mã được. Hãy gửi lại, hoặc dán nội dung dạng văn bản.',
    'image.timeout':
      'Đọc ảnh này mất quá nhiều thời gian. Hãy cắt ảnh chỉ còn phần thông báo lỗi, hoặc dán nội dung dạng văn bản.',
    'image.busy': 'Đang có quá nhiều ảnh cần đọc. Hãy thử lại sau một phút.',
    'image.ocr-unavailable':
      'Chức năng đọc ảnh không dùng được ở đây: không tìm thấy mô hình nhận dạng chữ. Hãy dán nội dung dạng văn bản.',
  },
});
