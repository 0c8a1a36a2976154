package org.ems.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void countsCodePointsNotUtf16Units() {
        String emoji = "\uD83D\uDD0C"; // one code point, two chars
        assertThat(MessageText.violation(emoji.repeat(MessageText.MAX_CODE_POINTS)))
                .isNull();
        assertThat(MessageText.violation(emoji.repeat(MessageText.MAX_CODE_POINTS + 1)))
                .isEqualTo(MessageText.TOO_LONG);
        assertThat(MessageText.violation("a".repeat(MessageText.MAX_CODE_POINTS + 1)))
                .isEqualTo(MessageText.TOO_LONG);
    }

    @Test
    void refusesBlankText() {
        assertThat(MessageText.violation(null)).isEqualTo(MessageText.BLANK);
        assertThat(MessageText.violation(" \n\t")).isEqualTo(MessageText.BLANK);
        assertThat(MessageText.violation("<script>hi</script>")).isNull();
    }
}
