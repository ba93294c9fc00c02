package app.chorus.notifications;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The mail the in-process SMTP server received, as a person finds it in their inbox. */
record Inbox(GreenMail server) {

    record Mail(String to, String subject, String body, Instant receivedAt) {
    }

    /** Mail to {@code address} with one of these subjects. */
    List<Mail> to(String address, String... subjects) {
        return Arrays.stream(server.getReceivedMessages()).map(Inbox::read)
            .filter(mail -> mail.to().equalsIgnoreCase(address) && List.of(subjects).contains(mail.subject())).toList();
    }

    /** Any mail with this subject, to anybody. */
    List<Mail> withSubject(String subject) {
        return Arrays.stream(server.getReceivedMessages()).map(Inbox::read).filter(mail -> mail.subject().equals(subject)).toList();
    }

    Mail awaitOne(String address, String subject, Duration timeout) {
        return await("mail '" + subject + "' to " + address).atMost(timeout).pollInterval(Duration.ofMillis(50))
            .until(() -> to(address, subject), mails -> !mails.isEmpty()).get(0);
    }

    private static Mail read(MimeMessage message) {
        try {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            return new Mail(to, message.getSubject(), String.valueOf(message.getContent()), message.getReceivedDate().toInstant());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
