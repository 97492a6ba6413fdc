package io.plurum.platform.safety;

/**
 * What the content scanner found. The description completes the sentence "field X contains ..." in the 422
 * answer, so it names the kind of secret and never shows it.
 */
public enum FindingKind {

    PRIVATE_KEY_BLOCK("a private key block"),
    JWT("a JSON Web Token"),
    PLURUM_KEY("a Plurum API key"),
    ANTHROPIC_KEY("an API key (Anthropic style)"),
    OPENAI_KEY("an API key (OpenAI style)"),
    GITHUB_TOKEN("a GitHub token"),
    AWS_ACCESS_KEY("an AWS access key ID"),
    AWS_SECRET_KEY("an AWS secret access key"),
    SLACK_TOKEN("a Slack token or webhook URL"),
    GOOGLE_API_KEY("a Google API key"),
    STRIPE_KEY("a Stripe secret key"),
    API_KEY("an API key or access token"),
    BASIC_AUTH("HTTP Basic credentials"),
    BEARER_TOKEN("a bearer token"),
    CONNECTION_STRING_PASSWORD("a password in a connection string"),
    PASSWORD_ASSIGNMENT("a password"),
    EMAIL("an e-mail address"),
    PRIVATE_IP("a private IP address");

    private final String description;

    FindingKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
