package org.gongjian.report.evidence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Display names: the client's name, cleaned, with the extension the content deserves. */
class EvidenceFileNameTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "现场照片.jpg|JPEG|现场照片.jpg",
            "IMG_1.JPEG|JPEG|IMG_1.jpeg",
            "截图.jpg|PNG|截图.png",
            "notes.txt|PDF|notes.txt.pdf",
            "方案|DOCX|方案.docx",
            "../../etc/passwd|JPEG|passwd.jpg",
            "C:\\Users\\a\\Desktop\\台账.xlsx|XLSX|台账.xlsx",
            "  .hidden.pdf  |PDF|hidden.pdf",
            "a<b>c:d\"e?f*.pdf|PDF|a_b_c_d_e_f_.pdf",
            "''|PDF|佐证材料.pdf",
            "...|PNG|佐证材料.png",
    })
    void cleansAndFixesTheExtension(String original, EvidenceType type, String expected) {
        assertThat(EvidenceFileName.of(original, type)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void controlAndBidiCharactersGoAndLongNamesAreCut() {
        assertThat(EvidenceFileName.of("ab\u0000c\r\n\u202Efdp.exe", EvidenceType.PDF)).isEqualTo("abcfdp.exe.pdf");
        String cut = EvidenceFileName.of("长".repeat(300) + ".xlsx", EvidenceType.XLSX);
        assertThat(cut).hasSize(EvidenceFileName.MAX_LENGTH).endsWith("长.xlsx");
        assertThat(EvidenceFileName.of(null, EvidenceType.JPEG)).isEqualTo("佐证材料.jpg");
    }
}
