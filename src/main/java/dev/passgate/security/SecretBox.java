package dev.passgate.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (PassTicket keys, TOTP secrets) with AES-256-GCM under the
 * master key. Each value is bound to where it is stored (the associated data, e.g.
 * {@code PTKTDATA/FEKAPPL}), so a ciphertext copied to another row does not decrypt.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKey 32 bytes */
    public SecretBox(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key has 32 bytes (64 hexadecimal digits)");
        }
        this.key = new SecretKeySpec(masterKey.clone(), "AES");
    }

    public String seal(String plaintext, String boundTo) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return VERSION + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * @throws IllegalStateException when the value was sealed under another master key or for another place
     */
    public String open(String sealed, String boundTo) {
        String[] parts = sealed.split(":");
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("stored secret for " + boundTo + " is not in a known format");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(parts[1])));
            c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(Base64.getDecoder().decode(parts[2])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored secret for " + boundTo
                    + " cannot be decrypted: wrong master key (passgate.security.master-key) or tampered data");
        }
    }
}
