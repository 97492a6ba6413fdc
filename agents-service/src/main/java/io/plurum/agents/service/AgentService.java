package io.plurum.agents.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.hibernate.exception.ConstraintViolationException;

import io.plurum.agents.config.AgentsConfig;
import io.plurum.agents.domain.Agent;
import io.plurum.agents.domain.ApiKey;
import io.plurum.agents.domain.Registration;
import io.plurum.agents.mapping.AgentProfile;
import io.plurum.agents.mapping.RegisterRequest;
import io.plurum.agents.mapping.RegisteredAgent;
import io.plurum.agents.mapping.RotatedKey;
import io.plurum.agents.repository.AgentRepository;
import io.plurum.agents.repository.AgentStatsRepository;
import io.plurum.agents.repository.ApiKeyRepository;
import io.plurum.agents.repository.RegistrationRepository;
import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.auth.CredentialCache;
import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.events.Topics;
import io.plurum.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AgentService {

    private final AgentRepository agents;
    private final ApiKeyRepository keys;
    private final RegistrationRepository registrations;
    private final AgentStatsRepository stats;
    private final Outbox outbox;
    private final CredentialCache credentials;
    private final AgentsConfig config;

    public AgentService(AgentRepository agents, ApiKeyRepository keys, RegistrationRepository registrations,
                        AgentStatsRepository stats, Outbox outbox, CredentialCache credentials, AgentsConfig config) {
        this.agents = agents;
        this.keys = keys;
        this.registrations = registrations;
        this.stats = stats;
        this.outbox = outbox;
        this.credentials = credentials;
        this.config = config;
    }

    /** A registration and how many more this client address may make in the current window. */
    public record Registered(RegisteredAgent agent, int limit, long remaining, long resetSeconds) {
    }

    @WithTransaction
    public Uni<Registered> register(RegisterRequest request, String clientIp) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Duration window = config.registration().window();
        int limit = config.registration().limit();
        return registrations.lockClient(clientIp)
                .chain(() -> registrations.since(clientIp, now.minus(window)))
                .invoke(recent -> {
                    if (recent.count() >= limit) {
                        long reset = Duration.between(now, recent.oldest().plus(window)).toSeconds() + 1;
                        throw new PlurumException.RateLimited("At most " + limit + " registrations per "
                                + window.toMinutes() + " minutes from one address.", limit, 0, reset);
                    }
                })
                .chain(recent -> agents.usernameTaken(request.username())
                        .invoke(taken -> {
                            if (taken) {
                                throw usernameTaken(request.username());
                            }
                        })
                        .chain(() -> create(request, clientIp, now))
                        .map(created -> new Registered(created, limit, limit - recent.count() - 1,
                                resetSeconds(now, recent, window))))
                .onFailure(ConstraintViolationException.class).transform(e -> usernameTaken(request.username()));
    }

    private Uni<RegisteredAgent> create(RegisterRequest request, String clientIp, Instant now) {
        Agent agent = new Agent();
        agent.id = UUID.randomUUID();
        agent.name = request.name().strip();
        agent.username = request.username();
        agent.createdAt = now;
        String apiKey = ApiKeys.generate();
        Registration registration = new Registration();
        registration.clientIp = clientIp;
        registration.registeredAt = now;
        return agents.persist(agent)
                .chain(() -> keys.persist(newKey(apiKey, agent.id, now)))
                .chain(() -> registrations.persist(registration))
                .chain(() -> outbox.publish(AgentEvents.credentialIssued(ApiKeys.hash(apiKey), agent)))
                .chain(() -> outbox.publish(AgentEvents.agentRegistered(agent)))
                .chain(() -> agents.flush())
                .map(ignored -> new RegisteredAgent(agent.id, agent.name, agent.username, apiKey,
                        RegisteredAgent.MESSAGE, agent.createdAt));
    }

    @WithSession
    public Uni<AgentProfile> profile(UUID agentId) {
        return agents.findById(agentId)
                .onItem().ifNull().failWith(() -> new PlurumException.NotFound("No such agent."))
                .chain(agent -> stats.findById(agentId).map(counts -> new AgentProfile(agent.id, agent.name,
                        agent.username, agent.createdAt, counts == null
                        ? new AgentProfile.Stats(0, 0, 0, 0)
                        : new AgentProfile.Stats(counts.sessions, counts.experiences, counts.outcomesReported,
                                counts.contributions))));
    }

    /** Replaces every active key of the agent with a new one; the old ones stop working everywhere. */
    public Uni<RotatedKey> rotateKey(UUID agentId) {
        String apiKey = ApiKeys.generate();
        return rotateInTransaction(agentId, apiKey)
                .invoke(revoked -> revoked.forEach(credentials::revoke))
                .map(revoked -> new RotatedKey(agentId, apiKey, RotatedKey.MESSAGE));
    }

    @WithTransaction
    Uni<java.util.List<String>> rotateInTransaction(UUID agentId, String apiKey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return agents.findById(agentId)
                .onItem().ifNull().failWith(() -> new PlurumException.Unauthorized("The API key is not valid."))
                .chain(agent -> keys.activeKeys(agentId).chain(active -> {
                    java.util.List<String> revoked = active.stream().map(key -> key.keyHash).toList();
                    Uni<Void> chain = keys.revokeAll(agentId, now).replaceWithVoid();
                    for (String hash : revoked) {
                        chain = chain.chain(() -> outbox.tombstone(Topics.CREDENTIALS, hash));
                    }
                    return chain
                            .chain(() -> keys.persist(newKey(apiKey, agentId, now)))
                            .chain(() -> outbox.publish(AgentEvents.credentialIssued(ApiKeys.hash(apiKey), agent)))
                            .replaceWith(revoked);
                }));
    }

    @WithSession
    public Uni<ApiKey> credential(String keyHash) {
        return keys.findById(keyHash);
    }

    private static ApiKey newKey(String apiKey, UUID agentId, Instant now) {
        ApiKey key = new ApiKey();
        key.keyHash = ApiKeys.hash(apiKey);
        key.agentId = agentId;
        key.active = true;
        key.createdAt = now;
        return key;
    }

    private static long resetSeconds(Instant now, RegistrationRepository.Window recent, Duration window) {
        Instant oldest = recent.oldest() == null ? now : recent.oldest();
        return Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds());
    }

    private static PlurumException usernameTaken(String username) {
        return new PlurumException.Conflict("The username '" + username + "' is already taken.");
    }
}
