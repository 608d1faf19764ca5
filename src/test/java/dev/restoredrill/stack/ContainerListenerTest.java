package dev.restoredrill.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerListenerTest {

    /** As read from a ClickHouse container: 8123 (1FBB) listens, and has a connection in TIME_WAIT (06). */
    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:1FBB 00000000:0000 0A 00000000:00000000 00:00000000 00000000   101        0 58415 1 0
               1: 0B00007F:9F23 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 57478 1 0
               2: 0100007F:2328 0100007F:A608 06 00000000:00000000 03:00001755 00000000     0        0 0 3 0
            """;
    private static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue
               0: 00000000000000000000000000000000:24CB 00000000000000000000000000000000:0000 0A 00000000:00000000
            """;

    @Test
    void aListeningSocketOnThePortCounts() {
        assertThat(ContainerListener.listens(TCP, 8123)).isTrue();
        assertThat(ContainerListener.listens(TCP, 40739)).as("0x9F23 on 127.0.0.11, Docker's DNS").isTrue();
        assertThat(ContainerListener.listens(TCP6, 9419)).as("IPv6 wildcard").isTrue();
    }

    @Test
    void aConnectionOrAnotherPortDoesNot() {
        assertThat(ContainerListener.listens(TCP, 9000)).as("0x2328 only has a TIME_WAIT connection").isFalse();
        assertThat(ContainerListener.listens(TCP, 443)).isFalse();
        assertThat(ContainerListener.listens(TCP, 0x1FB)).as("a port is matched whole, not by suffix").isFalse();
        assertThat(ContainerListener.listens("", 8123)).isFalse();
    }
}
