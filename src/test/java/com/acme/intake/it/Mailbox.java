package com.acme.intake.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) on the port the server under test sends to ({@code it.smtp.port},
 * see pom.xml), with one inbox per recipient as the SMTP envelope delivered it.
 */
final class Mailbox implements AutoCloseable {

    /** A received mail as the tests look at it. */
    record Mail(String to, String subject, String body) {
    }

    private final GreenMail smtp;

    Mailbox() {
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port", 3925), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Every mail delivered to the address so far. */
    List<Mail> inbox(String address) {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
        List<Mail> mails = new ArrayList<>();
        if (user == null) {
            return mails;
        }
        try {
            // a snapshot: the server may deliver into the live list while we read
            List<StoredMessage> delivered = new ArrayList<>(
                    smtp.getManagers().getImapHostManager().getInbox(user).getMessages());
            for (StoredMessage stored : delivered) {
                MimeMessage m = stored.getMimeMessage();
                mails.add(new Mail(address, m.getSubject(), m.getContent().toString()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the inbox of " + address, e);
        }
        return mails;
    }

    /** Every mail delivered to anyone. */
    List<Mail> all() {
        List<Mail> mails = new ArrayList<>();
        for (GreenMailUser user : new ArrayList<>(smtp.getUserManager().listUser())) {
            mails.addAll(inbox(user.getEmail()));
        }
        return mails;
    }

    /** Waits for a mail to the address that satisfies the condition; returns it. */
    Mail await(String address, Predicate<Mail> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (Mail mail : inbox(address)) {
                if (condition.test(mail)) {
                    return mail;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("No matching mail to " + address + " within " + timeout + "; inbox: "
                + inbox(address).stream().map(Mail::subject).toList());
    }

    static Predicate<Mail> subjectStarts(String start) {
        return m -> m.subject().startsWith(start);
    }

    @Override
    public void close() {
        smtp.stop();
    }

}
