package org.gongjian.talent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void masksPhoneIdNumberAndAddress() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.idNumber("110101199001011234")).isEqualTo("110***********1234");
        assertThat(Masking.address("示范县城关镇幸福路8号3单元")).isEqualTo("示范县城关镇****");
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.phone("1234")).isEqualTo("****");
    }
}
