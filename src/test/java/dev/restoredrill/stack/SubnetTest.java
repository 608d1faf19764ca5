package dev.restoredrill.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubnetTest {

    @Test
    void theSameRangeOverlaps() {
        assertThat(Subnet.parse("172.20.0.0/16").overlaps(Subnet.parse("172.20.0.0/16"))).isTrue();
    }

    @Test
    void aRangeInsideAnotherOverlapsBothWays() {
        Subnet wide = Subnet.parse("172.16.0.0/12");
        Subnet narrow = Subnet.parse("172.20.8.0/24");
        assertThat(wide.overlaps(narrow)).isTrue();
        assertThat(narrow.overlaps(wide)).isTrue();
    }

    @Test
    void neighbouringRangesDoNotOverlap() {
        assertThat(Subnet.parse("172.20.0.0/16").overlaps(Subnet.parse("172.21.0.0/16"))).isFalse();
        assertThat(Subnet.parse("192.168.0.0/24").overlaps(Subnet.parse("192.168.1.0/24"))).isFalse();
    }

    @Test
    void hostBitsInTheAddressAreIgnoredAsTheEngineDoes() {
        // The engine prints the network address, but a range written with host bits still means its whole block.
        assertThat(Subnet.parse("10.1.2.3/8").overlaps(Subnet.parse("10.200.0.0/16"))).isTrue();
    }

    @Test
    void ipv6RangesCompareWithIpv6AndNeverWithIpv4() {
        assertThat(Subnet.parse("fd00:1::/64").overlaps(Subnet.parse("fd00:1::/48"))).isTrue();
        assertThat(Subnet.parse("fd00:1::/64").overlaps(Subnet.parse("fd00:2::/64"))).isFalse();
        assertThat(Subnet.parse("0.0.0.0/0").overlaps(Subnet.parse("::/0"))).isFalse();
    }

    @Test
    void whatIsNotARangeIsRefusedWithWhatWasFound() {
        assertThatThrownBy(() -> Subnet.parse("172.20.0.0")).hasMessageContaining("found '172.20.0.0'");
        assertThatThrownBy(() -> Subnet.parse("172.20.0.0/33")).hasMessageContaining("prefix outside 0..32");
        assertThatThrownBy(() -> Subnet.parse("172.20.0.0/x")).hasMessageContaining("prefix outside");
        assertThatThrownBy(() -> Subnet.parse("example.com/24")).hasMessageContaining("found 'example.com/24'");
        assertThatThrownBy(() -> Subnet.parse("cafe/16")).hasMessageContaining("found 'cafe/16'");
        assertThatThrownBy(() -> Subnet.parse("300.1.2.3/8")).hasMessageContaining("found '300.1.2.3/8'");
    }
}
