package org.somaagent01.migrator.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.MessageDigest;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The login key derivation must give the JDK's result for every password, salt, round count and key length, and
 * its SHA-256 the JDK's digest for every message length (padding crosses a block boundary at 56 bytes).
 */
class ScramKeyProviderProperties {
    private static byte[] jdk(char[] password, byte[] salt, int iterations, int keyBits) throws Exception {
        return SecretKeyFactory.getInstance(ScramKeyProvider.ALGORITHM, "SunJCE")
                .generateSecret(new PBEKeySpec(password, salt, iterations, keyBits)).getEncoded();
    }

    private static byte[] ours(char[] password, byte[] salt, int iterations, int keyBits) throws Exception {
        return new ScramKeyProvider.Factory().engineGenerateSecret(new PBEKeySpec(password, salt, iterations, keyBits))
                .getEncoded();
    }

    @Property(tries = 300)
    void derivesTheJdksKey(@ForAll @StringLength(max = 90) String password,
            @ForAll @Size(min = 1, max = 130) byte[] salt,
            @ForAll @IntRange(min = 1, max = 40) int iterations,
            @ForAll @IntRange(min = 8, max = 800) int keyBits) throws Exception {
        assertArrayEquals(jdk(password.toCharArray(), salt, iterations, keyBits),
                ours(password.toCharArray(), salt, iterations, keyBits));
    }

    /** Every password length up to two key blocks (exhaustive: a key over 64 bytes is hashed first). */
    @Property(tries = 200)
    void derivesTheJdksKeyForEveryPasswordLength(@ForAll @IntRange(max = 140) int length) throws Exception {
        char[] password = "p".repeat(length).toCharArray();
        byte[] salt = {1, 2, 3};
        assertArrayEquals(jdk(password, salt, 2, 256), ours(password, salt, 2, 256));
    }

    @Property(tries = 200)
    void hashesAsTheJdk(@ForAll @Size(max = 200) byte[] message) throws Exception {
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(message),
                Sha256.bytes(Sha256.finish(Sha256.INITIAL, 0, message)));
    }

    @Test
    void givesTheClientProofOfRfc7677sExample() throws Exception {
        // RFC 7677, section 3: user "user", password "pencil", 4,096 rounds
        String clientFirstBare = "n=user,r=rOprNGfwEbeRWgbNEkqO";
        String serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
        String clientFinalWithoutProof = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        byte[] salted = ours("pencil".toCharArray(), Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096, 256);
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] signature = hmac(MessageDigest.getInstance("SHA-256").digest(clientKey),
                clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof);
        for (int i = 0; i < clientKey.length; i++) clientKey[i] ^= signature[i];
        assertEquals("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", Base64.getEncoder().encodeToString(clientKey));
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256", "SunJCE");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void installedFirstForItsAlgorithmOnly() throws Exception {
        ScramKeyProvider.install();
        ScramKeyProvider.install();
        assertEquals(ScramKeyProvider.NAME, SecretKeyFactory.getInstance(ScramKeyProvider.ALGORITHM).getProvider().getName());
        assertEquals(1, Arrays.stream(Security.getProviders())
                .filter(p -> p.getName().equals(ScramKeyProvider.NAME)).count());
        assertEquals("SunJCE", SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").getProvider().getName());
        assertEquals("SunJCE", Mac.getInstance("HmacSHA256").getProvider().getName());
    }

    @Test
    void refusesWhatItCannotDerive() {
        ScramKeyProvider.Factory factory = new ScramKeyProvider.Factory();
        assertThrows(InvalidKeySpecException.class, () -> factory.engineGenerateSecret(new X509EncodedKeySpec(new byte[1])));
        assertThrows(InvalidKeySpecException.class, () -> factory.engineGenerateSecret(new PBEKeySpec("p".toCharArray())));
    }
}
