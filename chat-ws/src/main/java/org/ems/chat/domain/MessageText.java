package org.ems.chat.domain;

/** What a message's text must be: some non-blank text of at most {@value #MAX_CODE_POINTS} code points. */
public final class MessageText {

    public static final int MAX_CODE_POINTS = 4000;

    public static final String TOO_LONG = "text must have at most " + MAX_CODE_POINTS + " characters";
    public static final String BLANK = "text must not be blank";

    private MessageText() {}

    /** Why the text is unacceptable, or null when it is fine. */
    public static String violation(String text) {
        if (text == null || text.isBlank()) {
            return BLANK;
        }
        // code points, not UTF-16 units: an emoji is one character to its writer
        if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            return TOO_LONG;
        }
        return null;
    }
}
