package app.chorus.notifications.internal.email;

import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.PersonSummary;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.internal.Opens;
import app.chorus.notifications.internal.fanout.DeliveryChannel;
import app.chorus.notifications.internal.push.SendOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The email fallback for important and urgent messages (Spring Boot mail over SMTP): sent at once to people
 * with no working device, and after a delay to people who have not opened the message. Without a mail server
 * ({@code spring.mail.host} unset) targets are recorded as failed, with a warning saying how to configure it.
 */
@Component("notificationsEmailChannel")
class EmailChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<DirectoryQueries> directory;
    private final Opens opens;
    private final String from;

    EmailChannel(ObjectProvider<JavaMailSender> mail, ObjectProvider<DirectoryQueries> directory, Opens opens,
                 @Value("${chorus.push.email-from:no-reply@chorus.local}") String from) {
        this.mail = mail;
        this.directory = directory;
        this.opens = opens;
        this.from = from;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Delivery deliver(PushMessage message, List<Document> targets) {
        JavaMailSender sender = mail.getIfAvailable();
        DirectoryQueries people = directory.getIfAvailable();
        List<SendOutcome> outcomes = new ArrayList<>(targets.size());
        if (sender == null || people == null) {
            log.warn("Email fallback for {} not sent to {} people: set spring.mail.host (and the directory must be running)",
                message.fanOutId(), targets.size());
            targets.forEach(target -> outcomes.add(SendOutcome.FAILED));
            return new Delivery(outcomes, Duration.ZERO);
        }
        for (Document target : targets) {
            outcomes.add(send(sender, people, message, target));
        }
        return new Delivery(outcomes, Duration.ZERO);
    }

    private SendOutcome send(JavaMailSender sender, DirectoryQueries people, PushMessage message, Document target) {
        String personId = target.getString("p");
        if (target.getBoolean("u", false) && Boolean.TRUE.equals(opens.opened(message, personId).block())) {
            return SendOutcome.SKIPPED;
        }
        PersonSummary person = people.person(personId).block();
        if (person == null || person.email() == null || person.email().isBlank()) {
            return SendOutcome.FAILED;
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(from);
        email.setTo(person.email());
        String language = target.getString("l");
        email.setSubject(message.title(language));
        email.setText(message.body(language) + "\n\nOpen the Chorus app or portal to read it in full.");
        try {
            sender.send(email);
            return SendOutcome.ACCEPTED;
        } catch (MailException e) {
            log.warn("Email to {} failed, will retry: {}", personId, e.getMessage());
            return SendOutcome.RETRY;
        }
    }
}
