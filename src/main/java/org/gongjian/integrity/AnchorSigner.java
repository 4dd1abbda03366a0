package org.gongjian.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key pair that signs the anchors (JDK 17's own Ed25519). Kept in a key file beside the anchor file,
 * made on first start (owner-only permissions where the file system has them); the public key is published so
 * anyone can check a printed or copied anchor without the application.
 */
final class AnchorSigner {

    private static final Logger log = LoggerFactory.getLogger(AnchorSigner.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    AnchorSigner(Path keyFile) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(keyFile)) {
                Properties p = new Properties();
                try (var in = Files.newInputStream(keyFile)) {
                    p.load(in);
                }
                this.privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("private"))));
                this.publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("public"))));
            } else {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                this.privateKey = pair.getPrivate();
                this.publicKey = pair.getPublic();
                if (keyFile.getParent() != null) {
                    Files.createDirectories(keyFile.getParent());
                }
                String text = "# Gongjian anchor signing key (Ed25519). Keep it secret and back it up apart from the database.\n"
                        + "private=" + Base64.getEncoder().encodeToString(privateKey.getEncoded()) + "\n"
                        + "public=" + Base64.getEncoder().encodeToString(publicKey.getEncoded()) + "\n";
                Files.writeString(keyFile, text, StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the directory's ACL is the deployment's job (docs/security.md).
                }
                log.info("anchor signing key created at {}", keyFile.toAbsolutePath());
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("锚定签名密钥无法读取或创建：" + keyFile.toAbsolutePath() + "（" + e.getMessage() + "）", e);
        }
    }

    String sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verify(String text, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The public key, X.509 SubjectPublicKeyInfo in base64 (and as PEM lines). */
    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String publicKeyPem() {
        List<String> lines = List.of("-----BEGIN PUBLIC KEY-----", publicKeyBase64(), "-----END PUBLIC KEY-----");
        return String.join("\n", lines) + "\n";
    }
}
