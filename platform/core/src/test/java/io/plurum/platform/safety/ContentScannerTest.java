package io.plurum.platform.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets are generated here by construction ("ghp_" + 36 random characters) so that this repository holds no
 * literal that looks like a live credential and our own secret scanning stays quiet. The seed is fixed so that a
 * failing case reproduces.
 */
class ContentScannerTest {

    private static final Random RANDOM = new Random(20260515);
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String ALPHANUMERIC = UPPER + LOWER + DIGITS;
    private static final String BASE64_URL = ALPHANUMERIC + "-_";
    private static final String BASE64 = ALPHANUMERIC + "+/";
    private static final String HEX = "0123456789abcdef";
    private static final String JWT_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private final ContentScanner scanner = new ContentScanner();

    static Stream<Arguments> secrets() {
        String webhook = "https://hooks.slack.com/services/T" + random(UPPER + DIGITS, 8) + "/B"
                + random(UPPER + DIGITS, 10) + "/" + random(ALPHANUMERIC, 24);
        String rsaBody = random(BASE64, 64) + "\n" + random(BASE64, 64) + "\n" + random(BASE64, 40) + "==";
        return Stream.of(
                secret("shouldFlagOpenAiLegacyKey", FindingKind.OPENAI_KEY,
                        "sk-" + random(ALPHANUMERIC, 48), "export OPENAI_API_KEY=%s\npython agent.py"),
                secret("shouldFlagOpenAiProjectKey", FindingKind.OPENAI_KEY,
                        "sk-proj-" + random(BASE64_URL, 156), "client = OpenAI(api_key=\"%s\")"),
                secret("shouldFlagOpenAiServiceAccountKey", FindingKind.OPENAI_KEY,
                        "sk-svcacct-" + random(BASE64_URL, 120),
                        "{\"llm\": {\"provider\": \"openai\", \"key\": \"%s\"}}"),
                secret("shouldFlagAnthropicKey", FindingKind.ANTHROPIC_KEY,
                        "sk-ant-api03-" + random(BASE64_URL, 93) + "AA", "ANTHROPIC_API_KEY=%s"),
                secret("shouldFlagGithubClassicTokenInRemoteUrl", FindingKind.GITHUB_TOKEN,
                        "ghp_" + random(ALPHANUMERIC, 36),
                        "git remote set-url origin https://%s@github.com/acme/deploy-scripts.git"),
                secret("shouldFlagGithubOauthToken", FindingKind.GITHUB_TOKEN,
                        "gho_" + random(ALPHANUMERIC, 36),
                        "curl -H 'Authorization: token %s' https://api.github.com/user"),
                secret("shouldFlagGithubFineGrainedToken", FindingKind.GITHUB_TOKEN,
                        "github_pat_11" + random(UPPER + DIGITS, 20) + "_" + random(ALPHANUMERIC, 59),
                        "The workflow failed until I used %s as GH_TOKEN."),
                secret("shouldFlagGithubTokenInBearerHeader", FindingKind.GITHUB_TOKEN,
                        "ghs_" + random(ALPHANUMERIC, 36), "Authorization: Bearer %s"),
                secret("shouldFlagPlurumKeyInCurl", FindingKind.PLURUM_KEY,
                        "plrm_live_" + random(ALPHANUMERIC, 38),
                        "curl -H \"Authorization: Bearer %s\" http://localhost:8080/api/v1/agents/me"),
                secret("shouldFlagPlurumKeyInConfigFile", FindingKind.PLURUM_KEY,
                        "plrm_live_" + random(ALPHANUMERIC, 38), "{\"plurum\": {\"api_key\": \"%s\"}}"),
                secret("shouldFlagAwsAccessKeyId", FindingKind.AWS_ACCESS_KEY,
                        "AKIA" + random(UPPER + "234567", 16), "[default]\naws_access_key_id = %s\nregion = eu-west-1"),
                secret("shouldFlagAwsTemporaryAccessKeyId", FindingKind.AWS_ACCESS_KEY,
                        "ASIA" + random(UPPER + "234567", 16), "export AWS_ACCESS_KEY_ID=%s"),
                secret("shouldFlagAwsSecretKeyInCredentialsFile", FindingKind.AWS_SECRET_KEY,
                        random(BASE64, 40), "[default]\naws_secret_access_key = %s"),
                secret("shouldFlagAwsSecretKeyInStsOutput", FindingKind.AWS_SECRET_KEY,
                        random(BASE64, 40),
                        "{\"Credentials\": {\"SecretAccessKey\": \"%s\", \"Expiration\": \"...\"}}"),
                secret("shouldFlagSlackBotToken", FindingKind.SLACK_TOKEN,
                        "xoxb-" + random(DIGITS, 12) + "-" + random(DIGITS, 13) + "-" + random(ALPHANUMERIC, 24),
                        "SLACK_BOT_TOKEN=%s"),
                secret("shouldFlagSlackWebhookUrl", FindingKind.SLACK_TOKEN,
                        webhook, "requests.post(\"%s\", json={\"text\": \"deploy done\"})"),
                secret("shouldFlagGoogleApiKey", FindingKind.GOOGLE_API_KEY,
                        "AIza" + random(BASE64_URL, 35),
                        "<script src=\"https://maps.googleapis.com/maps/api/js?key=%s&callback=initMap\"></script>"),
                secret("shouldFlagStripeLiveKey", FindingKind.STRIPE_KEY,
                        "sk_live_" + random(ALPHANUMERIC, 99), "stripe.api_key = '%s'"),
                secret("shouldFlagStripeWebhookSecret", FindingKind.STRIPE_KEY,
                        "whsec_" + random(ALPHANUMERIC, 32), "STRIPE_WEBHOOK_SECRET=%s"),
                secret("shouldFlagJwtInAuthorizationHeader", FindingKind.JWT,
                        jwt("{\"sub\":\"agent-" + random(DIGITS, 6) + "\",\"role\":\"admin\",\"exp\":1767225600}"),
                        "Authorization: Bearer %s"),
                secret("shouldFlagJwtInCookie", FindingKind.JWT,
                        jwt("{\"user_id\":" + random(DIGITS, 7) + ",\"iat\":1700000000}"),
                        "Set-Cookie: session=%s; HttpOnly; Secure"),
                secret("shouldFlagOpaqueBearerToken", FindingKind.BEARER_TOKEN,
                        random(ALPHANUMERIC, 40),
                        "http GET https://api.internal-tools.io/v2/jobs 'Authorization: Bearer %s'"),
                secret("shouldFlagGoogleOauthBearerToken", FindingKind.BEARER_TOKEN,
                        "ya29.a0" + random(BASE64_URL, 120), "-H \"Authorization: Bearer %s\""),
                secret("shouldFlagBasicAuthHeader", FindingKind.BASIC_AUTH,
                        base64("deploy-bot:" + password()), "Authorization: Basic %s"),
                secret("shouldFlagRsaPrivateKeyBlock", FindingKind.PRIVATE_KEY_BLOCK,
                        rsaBody, "-----BEGIN RSA PRIVATE KEY-----\n%s\n-----END RSA PRIVATE KEY-----"),
                secret("shouldFlagOpensshPrivateKeyInJson", FindingKind.PRIVATE_KEY_BLOCK,
                        random(BASE64, 70) + "\\n" + random(BASE64, 70),
                        "{\"ssh_key\": \"-----BEGIN OPENSSH PRIVATE KEY-----\\n%s"
                                + "\\n-----END OPENSSH PRIVATE KEY-----\"}"),
                secret("shouldFlagPostgresConnectionStringPassword", FindingKind.CONNECTION_STRING_PASSWORD,
                        password(), "DATABASE_URL=postgresql://orders_app:%s@db.prod.acme-corp.io:5432/orders"),
                secret("shouldFlagMysqlConnectionStringPassword", FindingKind.CONNECTION_STRING_PASSWORD,
                        password(), "engine = create_engine(\"mysql+pymysql://reporting:%s@mysql.acme.io/reports\")"),
                secret("shouldFlagMongodbSrvConnectionStringPassword", FindingKind.CONNECTION_STRING_PASSWORD,
                        password(), "mongodb+srv://svc-api:%s@cluster0.ab1cd.mongodb.net/shop?retryWrites=true"),
                secret("shouldFlagRedisConnectionStringPassword", FindingKind.CONNECTION_STRING_PASSWORD,
                        password(), "REDIS_URL=redis://:%s@cache.acme-corp.io:6379/0"),
                secret("shouldFlagAmqpConnectionStringPassword", FindingKind.CONNECTION_STRING_PASSWORD,
                        password(), "celery -A tasks worker --broker amqp://worker:%s@rabbit.acme-corp.io:5672//"),
                secret("shouldFlagPasswordInHttpsUrl", FindingKind.CONNECTION_STRING_PASSWORD,
                        password(), "pip install --index-url https://ci-bot:%s@nexus.acme-corp.io/simple app"),
                secret("shouldFlagPasswordAssignmentInEnvFile", FindingKind.PASSWORD_ASSIGNMENT,
                        "hunter2xyz", "DB_HOST=db\nDB_USER=app\npassword=%s\n"),
                secret("shouldFlagPasswordInJson", FindingKind.PASSWORD_ASSIGNMENT,
                        password(), "{\"username\": \"svc-deploy\", \"password\": \"%s\"}"),
                secret("shouldFlagPasswordInSpringProperties", FindingKind.PASSWORD_ASSIGNMENT,
                        password(), "spring.datasource.username=app\nspring.datasource.password=%s"),
                secret("shouldFlagPasswordInPythonLiteral", FindingKind.PASSWORD_ASSIGNMENT,
                        password(), "SMTP_HOST = 'smtp.acme.io'\nSMTP_PASSWORD = \"%s\""),
                secret("shouldFlagPasswordInCreateUser", FindingKind.PASSWORD_ASSIGNMENT,
                        password(), "CREATE USER reporting IDENTIFIED BY '%s';"),
                secret("shouldFlagApiKeyHeader", FindingKind.API_KEY,
                        random(ALPHANUMERIC, 32), "curl https://api.weather-data.io/v1/forecast -H 'X-API-Key: %s'"),
                secret("shouldFlagClientSecretSetting", FindingKind.API_KEY,
                        random(BASE64_URL, 40), "oauth:\n  client_id: plurum-web\n  client_secret: %s"),
                secret("shouldFlagHuggingFaceToken", FindingKind.API_KEY,
                        "hf_" + random(ALPHANUMERIC, 34), "huggingface-cli login --token %s"),
                secret("shouldFlagGitlabToken", FindingKind.API_KEY,
                        "glpat-" + random(BASE64_URL, 20), "git clone https://oauth2:%s@gitlab.com/acme/infra.git"),
                secret("shouldFlagPersonalEmail", FindingKind.EMAIL,
                        "jane.doe@acme-corp.com", "Ping %s if the migration fails again."),
                secret("shouldFlagEmailInGitLog", FindingKind.EMAIL,
                        "r.kowalski@gmail.com", "commit 3f2a1b\nAuthor: Robert Kowalski <%s>\nDate: Mon Mar 3"),
                secret("shouldFlagMailtoLink", FindingKind.EMAIL,
                        "oncall.lead@acme-corp.io", "[page the lead](mailto:%s)"),
                secret("shouldFlagPrivateIpTenNet", FindingKind.PRIVATE_IP,
                        "10.12.3.45", "ssh -i ~/.ssh/prod.pem ubuntu@%s"),
                secret("shouldFlagPrivateIpWithPort", FindingKind.PRIVATE_IP,
                        "192.168.1.23", "The Grafana board is at http://%s:3000/d/abc"),
                secret("shouldFlagPrivateIpDockerNetwork", FindingKind.PRIVATE_IP,
                        "172.20.0.5", "kafka advertised.listeners=PLAINTEXT://%s:9092"));
    }

    static Stream<Arguments> harmlessTexts() {
        return Stream.of(
                harmless("shouldAllowGitScpRemote", "git clone git@github.com:plurum/agent-skill.git"),
                harmless("shouldAllowGitSshUrl",
                        "git remote add origin ssh://git@gitlab.acme.io:2222/platform/api.git"),
                harmless("shouldAllowSshTestOfGithub", "Check your key with `ssh -T git@github.com` first."),
                harmless("shouldAllowShellLogin",
                        "ssh ubuntu@ec2-3-91-20-12.compute-1.amazonaws.com 'sudo systemctl restart app'"),
                harmless("shouldAllowEnvVariableReferences",
                        "export GITHUB_TOKEN=$GITHUB_TOKEN\nexport PLURUM_API_KEY=${API_KEY}"),
                harmless("shouldAllowActionsSecretReference",
                        "env:\n  NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n  GH_TOKEN: ${{ github.token }}"),
                harmless("shouldAllowAngleBracketPlaceholder",
                        "Set OPENAI_API_KEY=<your-key> before running the agent."),
                harmless("shouldAllowElidedOpenAiKey",
                        "export OPENAI_API_KEY=sk-...\nexport ANTHROPIC_API_KEY=sk-ant-..."),
                harmless("shouldAllowMaskedOpenAiKey", "OPENAI_API_KEY=sk-" + "x".repeat(48)),
                harmless("shouldAllowCountingFakeKey", "api_key = \"sk-1234567890abcdef1234567890abcdef\""),
                harmless("shouldAllowShortFiller", "API_KEY=xxxx\nSECRET_KEY=YOUR_API_KEY"),
                harmless("shouldAllowCurlExampleFromDocs",
                        "curl -H \"Authorization: Bearer YOUR_API_KEY\" https://api.plurum.ai/api/v1/experiences"),
                harmless("shouldAllowElidedPlurumKey",
                        "Send `Authorization: Bearer plrm_live_...` on every call; keys look like plrm_live_abc123..."),
                harmless("shouldAllowBearerVariables",
                        "-H \"Authorization: Bearer $TOKEN\"\n-H 'Authorization: Bearer <token>'"),
                harmless("shouldAllowDocumentationEmails",
                        "Sign up as user@example.com or admin@example.org; alerts go to ops@staging.example.net."),
                harmless("shouldAllowNoReplyAddresses",
                        "Commits by 41898282+github-actions[bot]@users.noreply.github.com and noreply@github.com"),
                harmless("shouldAllowDocumentationIps",
                        "Point DNS at 192.0.2.10, 198.51.100.7 and 203.0.113.99 (RFC 5737 ranges)."),
                harmless("shouldAllowLoopbackAddresses",
                        "Bind to 0.0.0.0:8080 in the container, then curl http://localhost:8080 or 127.0.0.1:8080"),
                harmless("shouldAllowConnectionStringWithoutPassword",
                        "jdbc:postgresql://localhost:5432/plurum and postgresql://plurum@db/plurum"),
                harmless("shouldAllowPlaceholderConnectionPasswords",
                        "postgresql://user:password@localhost:5432/app\npostgres://app:${DB_PASSWORD}@db:5432/app\n"
                                + "mysql://root:<password>@localhost/test\nredis://:****@cache:6379"),
                harmless("shouldAllowDefaultDockerCredentials",
                        "postgresql://postgres:postgres@localhost:5432/postgres\namqp://guest:guest@localhost:5672/"),
                harmless("shouldAllowVersionNumbers",
                        "Bumped the driver to version 10.2.1.7; the old 1.2.3.4 build leaked connections."),
                harmless("shouldAllowCidrRanges",
                        "The VPC uses 10.0.0.0/16 with private subnets 10.0.1.0/24 and 10.0.2.0/24."),
                harmless("shouldAllowJavaPasswordVariable",
                        "public static void main(String[] args) {\n    String password = args[0];\n"
                                + "    char[] pin = console.readPassword();\n    this.password = password;\n}"),
                harmless("shouldAllowPythonPasswordFromEnvironment",
                        "password = os.environ[\"DB_PASSWORD\"]\npassword = os.environ.get(\"DB_PASSWORD\", \"\")\n"
                                + "if not password:\n    raise SystemExit(\"DB_PASSWORD missing\")"),
                harmless("shouldAllowUuids", "{\"id\": \"3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f\", \"session_id\": \""
                        + "0b9e6c4a-1d2f-4a8b-9c3d-5e6f7a8b9c0d\"}"),
                harmless("shouldAllowGitCommitShas",
                        "Fixed in commit " + random(HEX, 40) + " (cherry-picked from " + random(HEX, 7) + ")."),
                harmless("shouldAllowBase64InCode",
                        "String encoded = Base64.getEncoder().encodeToString(bytes); // e.g. aGVsbG8gd29ybGQ=\n"
                                + "const pixel = 'data:image/png;base64," + random(BASE64, 60) + "';"),
                harmless("shouldAllowCssHexColours",
                        ".btn-primary { color: #1e90ff; background: #FAFAFA; border: 1px solid #333; }"),
                harmless("shouldAllowScopedNpmPackages", "npm install @scope/pkg @angular/core@17.3.1 lodash@4.17.21"),
                harmless("shouldAllowJavaAnnotations",
                        "@Override\n@SuppressWarnings(\"unchecked\")\npublic String toString() { return name; }"),
                harmless("shouldAllowMavenCoordinates",
                        "mvn dependency:get -Dartifact=io.quarkus:quarkus-rest-jackson:3.33.2"),
                harmless("shouldAllowDockerImageDigest",
                        "FROM eclipse-temurin:21-jre@sha256:" + random(HEX, 64)),
                harmless("shouldAllowJavaStackTrace",
                        "org.postgresql.util.PSQLException: Connection to db:5432 refused.\n"
                                + "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl"
                                + "(ConnectionFactoryImpl.java:342)\n"
                                + "\tat com.acme.orders.Repo@1b6d3586.find(Repo.java:88)"),
                harmless("shouldAllowPythonTraceback",
                        "Traceback (most recent call last):\n  File \"/home/dev/app/main.py\", line 42, in <module>\n"
                                + "KeyError: 'OPENAI_API_KEY'"),
                harmless("shouldAllowDockerRunWithDefaultPassword",
                        "docker run -e POSTGRES_PASSWORD=postgres -e MYSQL_ROOT_PASSWORD=example postgres:16"),
                harmless("shouldAllowSqlWithPasswordColumns",
                        "SELECT id FROM users\n"
                                + "WHERE email = :email AND password_hash = crypt(:password, password_hash);"),
                harmless("shouldAllowYamlWithEnvPlaceholders",
                        "spring:\n  datasource:\n    url: jdbc:postgresql://${DB_HOST:localhost}:5432/app\n"
                                + "    username: ${DB_USER}\n    password: ${DB_PASSWORD}\n"
                                + "    hikari.password: \"{{ vault_db_password }}\""),
                harmless("shouldAllowEnvExampleFile",
                        "DATABASE_URL=postgresql://user:password@localhost:5432/mydb\nSECRET_KEY=changeme\n"
                                + "API_KEY=your-api-key-here\nDB_PASSWORD=\nREDIS_PASSWORD=********"),
                harmless("shouldAllowAwsDocumentationExamples",
                        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                harmless("shouldAllowJwtIoSampleToken", "Authorization: Bearer "
                        + jwt("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}")),
                harmless("shouldAllowJwtWithPlaceholderParts", "Authorization: Bearer "
                        + base64Url(JWT_HEADER) + ".<payload>.<signature>"),
                harmless("shouldAllowPrivateKeyPlaceholder",
                        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"),
                harmless("shouldAllowSkInKebabCase",
                        "See task-scheduler-v2-2024-release-notes and the sk-learn-migration-notes-2024-q3 doc."),
                harmless("shouldAllowMatrixMultiplicationAndDecorators",
                        "@app.route(\"/login\", methods=[\"POST\"])\ndef login():\n"
                                + "    y = x@self.weight.T\n    return y"),
                harmless("shouldAllowKubernetesSecretReference",
                        "env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n"
                                + "      name: db-secret\n      key: password"),
                harmless("shouldAllowHtmlPasswordInput",
                        "<input type=\"password\" name=\"password\" autocomplete=\"current-password\">"),
                harmless("shouldAllowValidationSchemas",
                        "password: Joi.string().min(8).required(),\nclass Login(BaseModel):\n"
                                + "    password: str = Field(..., min_length=12)"),
                harmless("shouldAllowBasicAuthDocumentationExample",
                        "Authorization: Basic " + base64("user:password") + "  (RFC 7617: "
                                + base64("Aladdin:opensesame") + ")"),
                harmless("shouldAllowSlackDocumentationWebhook",
                        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
                harmless("shouldAllowStripePublishableKey", "Stripe(\"pk_live_" + random(ALPHANUMERIC, 24) + "\")"),
                harmless("shouldAllowChecksums", "sha256sum app.jar\n" + random(HEX, 64) + "  app.jar"),
                harmless("shouldAllowPaginationToken",
                        "{\"items\": [], \"next_page_token\": \"" + random(BASE64_URL, 40) + "\"}"),
                harmless("shouldAllowCurlWithShellCredentials",
                        "curl -u \"$NEXUS_USER:$NEXUS_PASS\" https://nexus.acme.io/repository/raw/app.tgz"),
                harmless("shouldAllowJavaObjectToStringAndIpv6",
                        "java.lang.Object@6d06d69c listening on [::1]:8080 and fe80::1%lo0"));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void shouldFlagSecret(String secret, String text, FindingKind kind) {
        List<Finding> findings = scanner.scanAll(Map.of(
                "title", "What I learned deploying the orders service",
                "content", Map.of("notes", List.of("First attempt failed.", text))));

        assertThat(findings).containsExactly(new Finding("content.notes[1]", kind));
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.toString()).doesNotContain(secret);
            assertThat(finding.message()).doesNotContain(secret);
        });
    }

    @ParameterizedTest
    @MethodSource("harmlessTexts")
    void shouldLetHarmlessTextThrough(String text) {
        assertThat(scanner.scan("content", text)).isEmpty();
    }

    @Test
    void shouldNameNestedFieldPaths() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Fixing flaky Kafka consumers");
        body.put("content", Map.of("code", "props.put(\"bootstrap.servers\", \"10.4.0.12:9092\");"));
        body.put("dead_ends", List.of(
                Map.of("what", "restart"), Map.of("what", "bigger pool"),
                Map.of("what", "mail the owner", "why", "reached maria.silva@acme-corp.com too late")));
        body.put("attempts", 3);

        assertThat(scanner.scanAll(body)).containsExactly(
                new Finding("content.code", FindingKind.PRIVATE_IP),
                new Finding("dead_ends[2].why", FindingKind.EMAIL));
    }

    @Test
    void shouldNotRepeatSecretHeldInMapKeyInFieldName() {
        String token = "ghp_" + random(ALPHANUMERIC, 36);

        List<Finding> findings = scanner.scanAll(Map.of("content", Map.of(token, Map.of("note", "rotated"))));

        assertThat(findings).containsExactly(new Finding("content", FindingKind.GITHUB_TOKEN));
    }

    @Test
    void shouldReportEachKindOncePerFieldInOrderOfAppearance() {
        String text = "ssh 10.0.0.7 then 10.0.0.8; key ghp_" + random(ALPHANUMERIC, 36) + " and ghp_"
                + random(ALPHANUMERIC, 36);

        assertThat(scanner.scan("content", text)).extracting(Finding::kind)
                .containsExactly(FindingKind.PRIVATE_IP, FindingKind.GITHUB_TOKEN);
    }

    @Test
    void shouldDescribeFindingWithoutSecret() {
        assertThat(new Finding("content.code", FindingKind.OPENAI_KEY).message())
                .isEqualTo("content.code contains an API key (OpenAI style)");
    }

    @Test
    void shouldIgnoreMissingText() {
        assertThat(scanner.scan("content", null)).isEmpty();
        assertThat(scanner.scan("content", "  \n")).isEmpty();
    }

    /** Inputs that make backtracking regexes explode; the scanner must stay linear and still find real secrets. */
    @Test
    void shouldScanAdversarial64KiBTextInLinearTime() {
        String token = "ghp_" + random(ALPHANUMERIC, 36);
        List<String> attacks = List.of("a@", "sk-", ":", "eyJ", "1.", "password=", "://:@", "a.",
                "-----BEGIN PRIVATE KEY-----", "Bearer ", "xoxb-", "a");
        StringBuilder text = new StringBuilder(64 * 1024);
        int share = 64 * 1024 / attacks.size();
        for (String attack : attacks) {
            int end = text.length() + share;
            while (text.length() < end) {
                text.append(attack);
            }
            text.append('\n');
        }
        text.append("token ").append(token).append(" on 192.168.10.20\n");

        assertThat(text.length()).isGreaterThan(64 * 1024);
        assertThat(scanner.scan("content", text.toString())).extracting(Finding::kind)
                .containsExactly(FindingKind.GITHUB_TOKEN, FindingKind.PRIVATE_IP);
    }

    private static Arguments secret(String name, FindingKind kind, String secret, String template) {
        return argumentSet(name, secret, template.formatted(secret), kind);
    }

    private static Arguments harmless(String name, String text) {
        return argumentSet(name, text);
    }

    private static String random(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** A generated password: letters and digits with a symbol, never a dictionary word. */
    private static String password() {
        return random(ALPHANUMERIC, 10) + random(DIGITS, 1) + random("!*-_~", 1) + random(ALPHANUMERIC, 3);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String jwt(String payloadJson) {
        return base64Url(JWT_HEADER) + "." + base64Url(payloadJson) + "." + random(BASE64_URL, 43);
    }
}
