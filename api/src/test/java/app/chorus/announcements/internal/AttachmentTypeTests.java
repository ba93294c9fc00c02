package app.chorus.announcements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.shared.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentTypeTests {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

    @Test
    void acceptsAPdfNamedAndDeclaredAsAPdf() {
        assertThat(AttachmentService.checkType("letter.pdf", "application/pdf", PDF)).isEqualTo(FileType.PDF);
        assertThat(AttachmentService.checkType("letter.PDF", "application/octet-stream", PDF)).isEqualTo(FileType.PDF);
    }

    @Test
    void refusesAProgramRenamedToPdf() {
        assertThatThrownBy(() -> AttachmentService.checkType("letter.pdf", "application/pdf", EXE))
            .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.kind()).isEqualTo("attachment-type-not-allowed"));
    }

    @Test
    void refusesAnImageDisguisedAsAPdf() {
        assertThatThrownBy(() -> AttachmentService.checkType("letter.pdf", null, PNG))
            .isInstanceOfSatisfying(Problem.class, problem -> {
                assertThat(problem.kind()).isEqualTo("attachment-disguised");
                assertThat(problem.properties()).containsEntry("detectedType", "image/png");
            });
        assertThatThrownBy(() -> AttachmentService.checkType("photo.png", "image/jpeg", PNG))
            .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.kind()).isEqualTo("attachment-disguised"));
    }
}
