// A Java program with Jakarta Mail's POP3 provider, exceptions left to the JVM as a quick tool does.
// Environment: as imap_open.php; POP_DEBUG=1 turns on session.setDebug (the library's protocol trace).
import jakarta.mail.*;
import java.util.Properties;

public class FetchMail {
  public static void main(String[] args) throws Exception {
    String tls = System.getenv("POP_TLS");
    String proto = tls.equals("implicit") ? "pop3s" : "pop3";
    Properties props = new Properties();
    props.put("mail." + proto + ".connectiontimeout", "12000");
    props.put("mail." + proto + ".timeout", "12000");
    if (tls.equals("stls")) props.put("mail.pop3.starttls.required", "true");
    Session session = Session.getInstance(props);
    session.setDebug("1".equals(System.getenv("POP_DEBUG")));
    Store store = session.getStore(proto);
    store.connect(System.getenv("POP_HOST"), Integer.parseInt(System.getenv("POP_PORT")),
        System.getenv("POP_USER"), System.getenv("POP_PASS"));
    Folder inbox = store.getFolder("INBOX");
    String[] op = System.getenv("POP_OP").split(":");
    inbox.open(op[0].equals("dele-retr") ? Folder.READ_WRITE : Folder.READ_ONLY);
    int n = op.length > 1 ? Integer.parseInt(op[1]) : 1;
    if (op[0].equals("dele-retr")) {
      inbox.getMessage(n).setFlag(Flags.Flag.DELETED, true);
      inbox.getMessage(n).writeTo(System.out);
    } else if (op[0].equals("list")) {
      System.out.println(inbox.getMessageCount() + " messages");
    } else if (op[0].equals("uidl")) {
      System.out.println(((com.sun.mail.pop3.POP3Folder) inbox).getUID(inbox.getMessage(1)));
    } else {
      inbox.getMessage(n).writeTo(System.out);
    }
    inbox.close(false);
    store.close();
  }
}
