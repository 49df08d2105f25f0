// The looks of the pictures people post of a mail error, as HTML + CSS. Each style names the programs whose
// texts it shows (matched against an evaluation case's `source`), and draws one dialog with that text.

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (text) =>
  text
    .split('\n')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');

const page = (body, css, theme, size) => `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${size.width}px; height: ${size.height}px; overflow: hidden; }
  p { margin: 0 0 6px 0; }
  ${css(theme)}
</style></head><body class="${theme}">${body}</body></html>`;

const labels = {
  en: {
    ok: 'OK',
    cancel: 'Cancel',
    errors: 'Errors',
    details: 'Hide',
    mail: 'Mail',
    cannot: 'Cannot Get Mail',
  },
  fr: {
    ok: 'OK',
    cancel: 'Annuler',
    errors: 'Erreurs',
    details: 'Masquer',
    mail: 'Mail',
    cannot: 'Impossible de relever le courrier',
  },
  vi: { ok: 'OK', cancel: 'Hủy', errors: 'Lỗi', details: 'Ẩn', mail: 'Mail', cannot: 'Không thể nhận thư' },
};

export const STYLES = {
  outlook: {
    sources: /Outlook|imnxport|Windows Live Mail/,
    size: { width: 1280, height: 800 },
    css: (t) => `
      body { background: ${t === 'dark' ? '#1f1f1f' : '#dfe6ee'}; font: 13px 'Liberation Sans', sans-serif; }
      .win { position: absolute; left: 210px; top: 190px; width: 760px; background: ${t === 'dark' ? '#2b2b2b' : '#fff'};
             color: ${t === 'dark' ? '#eee' : '#1b1b1b'}; border: 1px solid #888; box-shadow: 0 6px 24px #0005; }
      .title { background: ${t === 'dark' ? '#3a3a3a' : '#f0f0f0'}; padding: 8px 12px; font-size: 12px; }
      .tabs { padding: 6px 12px; border-bottom: 1px solid #aaa; }
      .body { padding: 14px 16px 18px 16px; min-height: 120px; }
      .btn { display: inline-block; margin: 0 12px 12px 0; float: right; border: 1px solid #777; padding: 4px 22px; }`,
    html: (text, lang) =>
      `<div class="win"><div class="title">Outlook — Send/Receive Progress</div><div class="tabs">${labels[lang].errors}</div>
       <div class="body">${paragraphs(text)}</div><div class="btn">${labels[lang].details}</div><div style="clear:both"></div></div>`,
  },
  thunderbird: {
    sources: /Thunderbird (?:en-US |fr |vi )?localMsgs|pop3ServerSaid/,
    size: { width: 960, height: 540 },
    css: (t) => `
      body { background: ${t === 'dark' ? '#1c1b22' : '#f9f9fb'}; font: 15px 'DejaVu Sans', sans-serif; }
      .dlg { position: absolute; left: 150px; top: 140px; width: 640px; background: ${t === 'dark' ? '#2b2a33' : '#fff'};
             color: ${t === 'dark' ? '#fbfbfe' : '#15141a'}; border-radius: 8px; padding: 22px 24px 60px 70px;
             box-shadow: 0 4px 16px #0004; }
      .icon { position: absolute; left: 22px; top: 22px; width: 32px; height: 32px; border-radius: 16px; background: #e22850; }
      .btn { position: absolute; right: 24px; bottom: 16px; background: #0061e0; color: #fff; border-radius: 4px; padding: 6px 24px; }`,
    html: (text, lang) =>
      `<div class="dlg"><div class="icon"></div>${paragraphs(text)}<div class="btn">${labels[lang].ok}</div></div>`,
  },
  'apple-mail': {
    sources: /iOS|Apple Mail|Mail iOS|openradar|macOS/,
    size: { width: 1280, height: 800 },
    css: (t) => `
      body { background: ${t === 'dark' ? '#1e1e1e' : '#ececec'}; font: 13px 'DejaVu Sans', sans-serif; }
      .sheet { position: absolute; left: 390px; top: 60px; width: 500px; background: ${t === 'dark' ? '#323232' : '#f6f6f6'};
               color: ${t === 'dark' ? '#e5e5e5' : '#222'}; border-radius: 10px; padding: 20px 22px 56px 22px;
               box-shadow: 0 10px 30px #0006; text-align: left; }
      .h { font-weight: bold; margin-bottom: 8px; }
      .btn { position: absolute; right: 18px; bottom: 14px; background: #1f7aec; color: #fff; border-radius: 6px; padding: 4px 20px; }`,
    html: (text, lang) =>
      `<div class="sheet"><div class="h">${labels[lang].mail}</div>${paragraphs(text)}<div class="btn">${labels[lang].ok}</div></div>`,
  },
  ios: {
    sources: /iOS|Apple Mail|Mail iOS|openradar/,
    size: { width: 390, height: 844 },
    css: (t) => `
      body { background: ${t === 'dark' ? '#000' : '#777'}; font: 15px 'DejaVu Sans', sans-serif; }
      .alert { position: absolute; left: 60px; top: 280px; width: 270px; background: ${t === 'dark' ? '#2c2c2e' : '#f2f2f2'};
               color: ${t === 'dark' ? '#fff' : '#000'}; border-radius: 14px; text-align: center; padding: 18px 14px 0 14px; }
      .h { font-weight: bold; font-size: 16px; margin-bottom: 6px; }
      p { font-size: 13px; }
      .btn { border-top: 1px solid #999; color: #0a84ff; padding: 11px 0; margin: 10px -14px 0 -14px; font-size: 16px; }`,
    html: (text, lang) =>
      `<div class="alert"><div class="h">${labels[lang].cannot}</div>${paragraphs(text)}<div class="btn">${labels[lang].ok}</div></div>`,
  },
  android: {
    sources: /thunderbird-android|K-9/,
    size: { width: 412, height: 915 },
    css: (t) => `
      body { background: ${t === 'dark' ? '#121212' : '#fafafa'}; font: 15px 'DejaVu Sans', sans-serif; }
      .n { position: absolute; left: 10px; top: 40px; width: 360px; background: ${t === 'dark' ? '#2d2d2d' : '#fff'};
           color: ${t === 'dark' ? '#e6e6e6' : '#202124'}; border-radius: 16px; padding: 16px; box-shadow: 0 2px 6px #0003; }
      .n p:first-child { font-weight: bold; }`,
    html: (text) => `<div class="n">${paragraphs(text)}</div>`,
  },
  terminal: {
    sources: /fetchmail|mpop|curl|getmail|poplib/,
    size: { width: 1100, height: 560 },
    css: (t) => `
      body { background: ${t === 'dark' ? '#300a24' : '#ffffff'}; color: ${t === 'dark' ? '#eeeeec' : '#2e3436'};
             font: 15px 'DejaVu Sans Mono', monospace; padding: 14px; box-sizing: border-box; }
      p { margin: 0; white-space: pre-wrap; }`,
    html: (text) => `${paragraphs(text)}<p>$ </p>`,
  },
};

export function renderHtml(styleName, text, lang, theme) {
  const style = STYLES[styleName];
  return page(style.html(text, lang), style.css, theme, style.size);
}
