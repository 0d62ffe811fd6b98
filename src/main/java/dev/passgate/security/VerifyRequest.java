package dev.passgate.security;

/**
 * What a logon offers: exactly one of password, PassTicket (with its APPLID) or certificate,
 * optionally with a one-time password and a new password. {@link #toString()} shows no secret.
 *
 * @param origin where the request came from (an address), for the audit trail
 */
public record VerifyRequest(String user, char[] password, char[] newPassword, String passticket, String applid,
        String certificateSubject, String certificateIssuer, String otp, String origin) {

    public static VerifyRequest password(String user, char[] password) {
        return new VerifyRequest(user, password, null, null, null, null, null, null, null);
    }

    public static VerifyRequest passticket(String user, String ticket, String applid) {
        return new VerifyRequest(user, null, null, ticket, applid, null, null, null, null);
    }

    public static VerifyRequest certificate(String subjectDn, String issuerDn) {
        return new VerifyRequest(null, null, null, null, null, subjectDn, issuerDn, null, null);
    }

    public VerifyRequest withOtp(String code) {
        return new VerifyRequest(user, password, newPassword, passticket, applid, certificateSubject, certificateIssuer,
                code, origin);
    }

    public VerifyRequest withNewPassword(char[] value) {
        return new VerifyRequest(user, password, value, passticket, applid, certificateSubject, certificateIssuer, otp,
                origin);
    }

    public VerifyRequest from(String address) {
        return new VerifyRequest(user, password, newPassword, passticket, applid, certificateSubject, certificateIssuer,
                otp, address);
    }

    public LogonMethod method() {
        return passticket != null ? LogonMethod.PASSTICKET : certificateSubject != null ? LogonMethod.CERTIFICATE
                : LogonMethod.PASSWORD;
    }

    @Override
    public String toString() {
        return "VerifyRequest[" + user + ", " + method() + (applid != null ? " for " + applid : "")
                + (otp != null ? ", with OTP" : "") + (newPassword != null ? ", with new password" : "")
                + (origin != null ? ", from " + origin : "") + "]";
    }
}
