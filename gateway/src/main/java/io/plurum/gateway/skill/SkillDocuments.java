package io.plurum.gateway.skill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.plurum.gateway.proxy.PublicUrlResolver;
import io.plurum.gateway.proxy.PublicUrls;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The Plurum agent skill 0.5.7 (SKILL.md, HEARTBEAT.md, PULSE.md, skill.json, kept verbatim in resources/skill), at the
 * paths its skill.json gives them, with the upstream service's addresses replaced by this instance's: a skill manager
 * pointed at a self-hosted Plurum installs a skill that talks to it. No key needed.
 */
@Singleton
public class SkillDocuments {

    private static final String UPSTREAM_API = "https://api.plurum.ai/api/v1";
    private static final String UPSTREAM_WEBSOCKET_API = "wss://api.plurum.ai/api/v1";
    /** Where the upstream service serves these documents; its homepage stays as it is. */
    private static final String UPSTREAM_SITE = "https://plurum.ai";
    private static final String MARKDOWN = "text/markdown; charset=utf-8";

    private final PublicUrlResolver publicUrls;
    private final List<Document> documents = List.of(
            Document.load("/skill.md", "SKILL.md", MARKDOWN),
            Document.load("/heartbeat.md", "HEARTBEAT.md", MARKDOWN),
            Document.load("/pulse.md", "PULSE.md", MARKDOWN),
            Document.load("/skill.json", "skill.json", "application/json"));

    SkillDocuments(PublicUrlResolver publicUrls) {
        this.publicUrls = publicUrls;
    }

    void init(@Observes Router router) {
        for (Document document : documents) {
            router.get(document.path()).handler(context -> serve(context, document));
        }
    }

    private void serve(RoutingContext context, Document document) {
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, document.contentType())
                .end(render(document, publicUrls.resolve(context.request())));
    }

    private String render(Document document, PublicUrls urls) {
        String text = document.text()
                .replace(UPSTREAM_API, urls.api())
                .replace(UPSTREAM_WEBSOCKET_API, urls.webSocketApi());
        for (Document linked : documents) {
            text = text.replace(UPSTREAM_SITE + linked.path(), urls.site() + linked.path());
        }
        return text;
    }

    private record Document(String path, String contentType, String text) {

        static Document load(String path, String resource, String contentType) {
            try (InputStream in = SkillDocuments.class.getResourceAsStream("/skill/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("skill/" + resource + " is missing from the gateway's resources");
                }
                return new Document(path, contentType, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
