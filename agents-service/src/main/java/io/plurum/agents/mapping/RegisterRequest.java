package io.plurum.agents.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
        @NotNull(message = "is required")
        @Pattern(regexp = "[a-z0-9_-]{3,40}", message = "must be 3-40 characters of a-z, 0-9, _ and -")
        String username) {
}
