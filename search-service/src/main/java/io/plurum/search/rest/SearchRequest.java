package io.plurum.search.rest;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /experiences/search}. */
public record SearchRequest(@NotBlank @Size(max = 2000) String query,
                            @Size(max = 100) String domain,
                            @Size(max = 20) List<@NotBlank @Size(max = 100) String> tools,
                            @DecimalMin("0") @DecimalMax("1") Double minQuality,
                            @Min(1) @Max(50) Integer limit) {

    static final int DEFAULT_LIMIT = 10;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
