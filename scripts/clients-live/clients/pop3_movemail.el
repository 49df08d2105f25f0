;;; Emacs's pop3.el fetching a POP maildrop into a file, as `movemail' does for Rmail: `pop3-movemail' with
;;; the server, port, user, password and `pop3-stream-type' set as its documentation shows, run as
;;; `emacs -Q --batch -l pop3_movemail.el'. An error ends the run as Emacs prints an uncaught one in batch
;;; mode. Environment: POP_HOST, POP_PORT, POP_USER, POP_PASS, POP_TLS (none | stls | implicit).
(require 'pop3)
;; Batch mode answers "no" to every question of the Network Security Manager, the one it asks before a password
;; goes out over a plain connection too: a user fetching from a plain-text port in batch mode lowers the level
;; for it, and keeps the default (certificates checked) for TLS.
(when (equal (getenv "POP_TLS") "none")
  (setq network-security-level 'low))
(setq pop3-mailhost (getenv "POP_HOST")
      pop3-port (string-to-number (getenv "POP_PORT"))
      pop3-maildrop (getenv "POP_USER")
      pop3-password (getenv "POP_PASS")
      pop3-authentication-scheme 'pass
      pop3-leave-mail-on-server t
      pop3-stream-type (pcase (getenv "POP_TLS")
                         ("implicit" 'tls)
                         ("stls" 'starttls)
                         (_ nil)))
(let ((dir (make-temp-file "pop3-" t)))
  ;; The list of messages already fetched (kept on the server) lives with the run, not in $HOME.
  (setq pop3-uidl-file (expand-file-name "uidl" dir))
  (unwind-protect (pop3-movemail (expand-file-name "inbox" dir))
    (delete-directory dir t)))
