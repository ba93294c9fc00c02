package app.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTests {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndRecordsEndWithCrLf() {
        assertThat(Csv.record(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "é")))
            .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",é\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralisedButNumbersAreNot() {
        assertThat(Csv.record(List.of("=HYPERLINK(1)", "-3", "-2.5", "@sum"))).isEqualTo("'=HYPERLINK(1),-3,-2.5,'@sum\r\n");
    }
}
