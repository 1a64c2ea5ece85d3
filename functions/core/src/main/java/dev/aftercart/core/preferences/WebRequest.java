package dev.aftercart.core.preferences;

import java.util.Map;

/**
 * An HTTP request as the preference center needs it, whoever served it (a Lambda Function URL,
 * or the local runner's server): method, path, query parameters and, for a form, its fields.
 */
public record WebRequest(String method, String path, Map<String, String> query, Map<String, String> form) {

    public WebRequest {
        query = Map.copyOf(query);
        form = Map.copyOf(form);
    }
}
