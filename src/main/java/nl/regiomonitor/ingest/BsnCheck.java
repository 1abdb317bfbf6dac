package nl.regiomonitor.ingest;

/**
 * Recognises what looks like a Dutch citizen service number (BSN): a run of exactly nine digits
 * that passes the elfproef (9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11, not all zeros).
 * Client data must be pseudonymised, so a file containing one is refused whole.
 */
final class BsnCheck {

    private BsnCheck() {}

    static boolean containsBsn(String value) {
        int length = value.length();
        if (length < 9) {
            return false; // most values (codes, years) are shorter than a BSN: no look at their characters
        }
        int runStart = -1;
        for (int i = 0; i <= length; i++) {
            boolean digit = i < length && value.charAt(i) >= '0' && value.charAt(i) <= '9'; // ASCII digits only
            if (digit && runStart < 0) {
                runStart = i;
            } else if (!digit && runStart >= 0) {
                if (i - runStart == 9 && passesElfproef(value, runStart)) {
                    return true;
                }
                runStart = -1;
            }
        }
        return false;
    }

    private static boolean passesElfproef(String value, int start) {
        int sum = 0;
        boolean allZero = true;
        for (int i = 0; i < 8; i++) {
            int d = value.charAt(start + i) - '0';
            sum += (9 - i) * d;
            allZero &= d == 0;
        }
        int last = value.charAt(start + 8) - '0';
        sum -= last;
        return !(allZero && last == 0) && sum % 11 == 0;
    }
}
