package org.somaagent01.migrator.connect;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactorySpi;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2WithHmacSHA256 (RFC 8018) for the key a SCRAM login derives from the password: 4,096 HMAC-SHA-256 rounds,
 * 8,192 SHA-256 blocks. A command-line run does them in C1-compiled code, where the JDK's SHA-256 has no intrinsic
 * and reads its blocks through var handles C1 does not inline: about 18 ms of CPU per login, on the way to its
 * first query. Here the two padded HMAC key blocks are hashed once and each round hashes its two blocks on int
 * words ({@link Sha256}): about 6 ms. The result is the JDK's, bit for bit ({@code ScramKeyProviderProperties}).
 * Installed first among the providers by the command line only ({@link LoginWarmup}), for this one algorithm; all
 * else still comes from the JDK's providers.
 */
final class ScramKeyProvider extends Provider {
    static final String NAME = "SA01-SCRAM";
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int HASH = 32;

    private ScramKeyProvider() {
        super(NAME, "1", ALGORITHM + " with the HMAC key blocks hashed once");
        putService(new Service(this, "SecretKeyFactory", ALGORITHM, Factory.class.getName(), null, null) {
            @Override
            public Object newInstance(Object parameter) {
                return new Factory();
            }
        });
    }

    /** Puts this provider first, once per process; a security manager or a failure leaves the JDK's. */
    static void install() {
        try {
            if (Security.getProvider(NAME) == null) Security.insertProviderAt(new ScramKeyProvider(), 1);
        } catch (RuntimeException e) {
            // the JDK's PBKDF2 serves the login, as slowly as before
        }
    }

    /**
     * The derived key of {@code keyBits / 8} bytes; as the JDK's, the password counts as its UTF-8 bytes and a key
     * length that is no whole number of bytes is cut to one.
     */
    static byte[] derive(char[] password, byte[] salt, int iterations, int keyBits) {
        byte[] key = utf8(password);
        if (key.length > Sha256.BLOCK_BYTES) {
            byte[] hashed = Sha256.bytes(Sha256.finish(Sha256.INITIAL, 0, key));
            Arrays.fill(key, (byte) 0);
            key = hashed;
        }
        byte[] ipad = new byte[Sha256.BLOCK_BYTES];
        byte[] opad = new byte[Sha256.BLOCK_BYTES];
        for (int i = 0; i < Sha256.BLOCK_BYTES; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        Arrays.fill(key, (byte) 0);
        int[] inner = Sha256.afterBlock(ipad);
        int[] outer = Sha256.afterBlock(opad);
        byte[] out = new byte[keyBits / 8];
        int[] w = new int[64];
        int[] state = new int[8];
        for (int block = 1, at = 0; at < out.length; block++, at += HASH) {
            byte[] first = Arrays.copyOf(salt, salt.length + 4);
            ByteBuffer.wrap(first, salt.length, 4).putInt(block);
            int[] u = keyedHash(outer, Sha256.finish(inner, Sha256.BLOCK_BYTES, first), w, state);
            int[] t = u.clone();
            for (int round = 2; round <= iterations; round++) {
                u = keyedHash(outer, keyedHash(inner, u, w, state), w, state);
                for (int i = 0; i < 8; i++) t[i] ^= u[i];
            }
            System.arraycopy(Sha256.bytes(t), 0, out, at, Math.min(HASH, out.length - at));
        }
        // what the password becomes, short of the key itself
        for (int[] secret : List.of(inner, outer, w, state)) Arrays.fill(secret, 0);
        Arrays.fill(ipad, (byte) 0);
        Arrays.fill(opad, (byte) 0);
        return out;
    }

    /**
     * The hash of a key block and a 32-byte message (an HMAC's inner hash of the previous round, or its outer hash
     * of that), from the key block's state: the message's 8 words, the padding bit and the length of 96 bytes.
     */
    private static int[] keyedHash(int[] keyed, int[] message, int[] w, int[] state) {
        System.arraycopy(message, 0, w, 0, 8);
        w[8] = 0x80000000;
        Arrays.fill(w, 9, 15, 0);
        w[15] = (Sha256.BLOCK_BYTES + HASH) * 8;
        System.arraycopy(keyed, 0, state, 0, 8);
        Sha256.compress(state, w);
        return state.clone();
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        if (bytes.hasArray()) Arrays.fill(bytes.array(), (byte) 0);
        return out;
    }

    /** The factory the provider hands out: only {@link PBEKeySpec} in, only raw keys out. */
    static final class Factory extends SecretKeyFactorySpi {
        @Override
        protected SecretKey engineGenerateSecret(KeySpec spec) throws InvalidKeySpecException {
            if (!(spec instanceof PBEKeySpec pbe) || pbe.getSalt() == null || pbe.getIterationCount() <= 0
                    || pbe.getKeyLength() < 8) {
                throw new InvalidKeySpecException("a PBEKeySpec with salt, iteration count and key length is needed");
            }
            char[] password = pbe.getPassword();
            try {
                return new SecretKeySpec(derive(password, pbe.getSalt(), pbe.getIterationCount(), pbe.getKeyLength()),
                        ALGORITHM);
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        @Override
        protected KeySpec engineGetKeySpec(SecretKey key, Class<?> keySpec) throws InvalidKeySpecException {
            throw new InvalidKeySpecException("the derived key does not keep its password");
        }

        @Override
        protected SecretKey engineTranslateKey(SecretKey key) throws InvalidKeyException {
            throw new InvalidKeyException("keys are not translated by " + ALGORITHM + " here");
        }
    }
}
