package io.triggerlab.engine.controlplane.mapping;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque {@code Marker}/{@code NextMarker} of ListEventSourceMappings: the position after the last item shown. */
final class ListMarker {

    private static final String PREFIX = "esm-after:";

    private ListMarker() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** 0 for no marker. */
    static long decode(String marker) {
        if (marker == null || marker.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below; NumberFormatException is an IllegalArgumentException too
        }
        throw new InvalidParameterValueException("Marker '" + marker + "' is not valid: pass the NextMarker of a "
                + "previous ListEventSourceMappings response unchanged, or no Marker for the first page");
    }
}
