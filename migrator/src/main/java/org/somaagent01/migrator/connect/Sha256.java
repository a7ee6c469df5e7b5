package org.somaagent01.migrator.connect;

import java.util.Arrays;

/**
 * The SHA-256 compression function (FIPS 180-4) on int words, for {@link ScramKeyProvider}'s HMAC rounds. The JDK's
 * SHA-256 reads its blocks through var handles, which C1 does not inline: a short run, compiled by C1 only, spends
 * about 1.7 µs per block there. A round of PBKDF2 hashes two blocks whose layout is fixed (a 32-byte message after
 * one key block), so its words are filled in directly, without bytes or padding logic. Held to the JDK's
 * {@code MessageDigest} by {@code ScramKeyProviderProperties}.
 */
final class Sha256 {
    static final int[] INITIAL = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    static final int BLOCK_BYTES = 64;

    private Sha256() {}

    /** Hashes one block into {@code state}: {@code w}'s first 16 entries are the block's words, all 64 are used. */
    static void compress(int[] state, int[] w) {
        for (int t = 16; t < 64; t++) {
            int x = w[t - 15];
            int y = w[t - 2];
            int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
            int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = state[0], b = state[1], c = state[2], d = state[3];
        int e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++) {
            int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int t1 = h + s1 + ((e & f) ^ (~e & g)) + K[t] + w[t];
            int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int t2 = s0 + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    /**
     * The state after {@code message} and its padding, continuing from {@code state} after {@code before} bytes
     * (whole blocks) were hashed: the rest of a digest of those bytes followed by the message.
     */
    static int[] finish(int[] state, long before, byte[] message) {
        int[] out = state.clone();
        int padded = (message.length + 9 + BLOCK_BYTES - 1) / BLOCK_BYTES * BLOCK_BYTES;
        byte[] bytes = Arrays.copyOf(message, padded);
        bytes[message.length] = (byte) 0x80;
        long bits = (before + message.length) * 8;
        for (int i = 0; i < 8; i++) bytes[padded - 1 - i] = (byte) (bits >>> (8 * i));
        int[] w = new int[64];
        for (int block = 0; block < padded; block += BLOCK_BYTES) {
            for (int i = 0; i < 16; i++) w[i] = word(bytes, block + 4 * i);
            compress(out, w);
        }
        Arrays.fill(bytes, (byte) 0);
        return out;
    }

    /** The state after one whole block, from the initial state: a padded HMAC key. */
    static int[] afterBlock(byte[] block) {
        int[] out = INITIAL.clone();
        int[] w = new int[64];
        for (int i = 0; i < 16; i++) w[i] = word(block, 4 * i);
        compress(out, w);
        return out;
    }

    static byte[] bytes(int[] state) {
        byte[] out = new byte[4 * state.length];
        for (int i = 0; i < state.length; i++) {
            out[4 * i] = (byte) (state[i] >>> 24);
            out[4 * i + 1] = (byte) (state[i] >>> 16);
            out[4 * i + 2] = (byte) (state[i] >>> 8);
            out[4 * i + 3] = (byte) state[i];
        }
        return out;
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
