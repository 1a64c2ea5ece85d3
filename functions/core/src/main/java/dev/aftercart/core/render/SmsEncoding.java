package dev.aftercart.core.render;

/**
 * How an SMS is encoded on the network, which decides what it costs. GSM-7 packs 160 characters
 * in one segment and 153 per segment of a longer message; any character outside GSM-7 (Korean,
 * Thai, most emoji, the won and baht signs) turns the whole message into UCS-2: 70, then 67.
 */
public enum SmsEncoding {
    GSM7(160, 153),
    UCS2(70, 67);

    private final int single;
    private final int perPart;

    SmsEncoding(int single, int perPart) {
        this.single = single;
        this.perPart = perPart;
    }

    public int singleSegmentCapacity() {
        return single;
    }

    public int multipartSegmentCapacity() {
        return perPart;
    }
}
