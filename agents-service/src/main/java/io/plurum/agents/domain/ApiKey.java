package io.plurum.agents.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One key an agent has held, by its SHA-256; the key itself is never stored. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
