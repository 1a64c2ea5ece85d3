package dev.aftercart.core.preferences;

import java.util.Map;

/** What the preference center answers: a status, headers and a body. */
public record WebResponse(int status, Map<String, String> headers, String body) {

    public WebResponse {
        headers = Map.copyOf(headers);
    }
}
