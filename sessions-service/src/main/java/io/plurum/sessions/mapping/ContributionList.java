package io.plurum.sessions.mapping;

import java.util.List;

public record ContributionList(List<ContributionView> contributions) {
}
