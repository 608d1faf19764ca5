package dev.restoredrill.reference.chat;

/** Whether the gateway lets a request through, and if not, why (a sentence fit for an error event). */
record GatewayVerdict(boolean accepted, String reason) {

    static GatewayVerdict accept() {
        return new GatewayVerdict(true, "accepted");
    }

    static GatewayVerdict reject(String why) {
        return new GatewayVerdict(false, "gateway key rejected: " + why);
    }
}
