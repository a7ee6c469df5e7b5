package org.somaagent01.migrator.connect;

import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.GregorianCalendar;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;

/**
 * Readies, on a daemon thread, the parts of the JDK a pgjdbc login initializes on its way: the security providers
 * and the algorithms of a SCRAM login (random nonce, SHA-256, HMAC, PBKDF2), the calendar each connection builds,
 * and the memory MXBean it asks for its result-buffer limit. Cold, they cost 30-40 ms of a login that otherwise
 * waits on its socket; started when the process starts, they are ready, or half done, when the login needs them.
 * First it puts {@link ScramKeyProvider} before the JDK's providers: a login that asks for PBKDF2 before that (it
 * asks after its socket has opened and the server has answered twice) gets the JDK's, which derives the same key.
 * Nothing here is required: a failure leaves the login to do the same work itself.
 */
public final class LoginWarmup {
    private LoginWarmup() {}

    public static void start() {
        Thread t = new Thread(LoginWarmup::run, "login-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            ScramKeyProvider.install();
            new SecureRandom().nextInt();
            MessageDigest.getInstance("SHA-256");
            Mac.getInstance("HmacSHA256");
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            new GregorianCalendar();
            ManagementFactory.getMemoryMXBean();
        } catch (Exception | LinkageError e) {
            // the login meets the same failure, and reports it
        }
    }
}
