package io.plurum.gateway.proxy;

/**
 * This instance as agents reach it: the API base URL (ending in the public prefix) and the site it stands on, where
 * the skill files are.
 */
public record PublicUrls(String api, String site) {

    /** The API base for WebSocket clients: {@code ws://} for {@code http://}, {@code wss://} for {@code https://}. */
    public String webSocketApi() {
        return "ws" + api.substring("http".length());
    }
}
