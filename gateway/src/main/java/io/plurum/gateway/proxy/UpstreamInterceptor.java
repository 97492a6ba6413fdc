package io.plurum.gateway.proxy;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/** Moves a request from the public prefix to the upstream's own path, and answers its failures as problems. */
final class UpstreamInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamInterceptor.class);

    private final Endpoint endpoint;
    private final int prefixLength;

    UpstreamInterceptor(Endpoint endpoint, int prefixLength) {
        this.endpoint = endpoint;
        this.prefixLength = prefixLength;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        // The parsed path, not the raw URI: a client may send the absolute form (http://host/api/v1/...).
        HttpServerRequest incoming = request.proxiedRequest();
        request.setURI(endpoint.uri(incoming.path().substring(prefixLength), incoming.query()));
        return context.sendRequest().recover(failure -> Future.succeededFuture(problem(request, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        // The gateway has set the request id on the response already; the upstream's echo would be a second copy.
        context.response().headers().remove(EdgeHeaders.REQUEST_ID);
        return context.sendResponse();
    }

    private ProxyResponse problem(ProxyRequest request, Throwable failure) {
        Problem problem = Problem.upstreamFailed(endpoint.upstream(), failure);
        // The path only: a query may carry a key.
        LOG.warnf("%s for %s %s: %s", problem.status(), request.getMethod(), request.proxiedRequest().path(),
                failure.getMessage());
        return request.release()
                .response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(problem.toJson()));
    }
}
