package io.plurum.sessions.auth;

import io.plurum.platform.auth.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** An authenticated endpoint that exists only in this service's tests, to watch the platform filter at work. */
@Path("/test/whoami")
public class WhoAmITestResource {

    @GET
    public String whoAmI(@Context SecurityContext security) {
        return Caller.of(security).agentId().toString();
    }
}
