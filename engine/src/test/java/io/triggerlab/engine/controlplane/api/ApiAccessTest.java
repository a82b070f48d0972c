package io.triggerlab.engine.controlplane.api;

import io.triggerlab.engine.observe.history.HistoryRetention;
import io.triggerlab.engine.observe.history.JdbcInvocationHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Collections;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The local API listens on loopback unless told otherwise; bound to the network, a request from another address needs
 * the data directory's token — as a bearer token, or as the AWS access key id the AWS CLI and SDKs sign with.
 */
class ApiAccessTest {

    private static final String ESM = "/2015-03-31/event-source-mappings";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ApiFixture fixture;
    private LambdaApiServer exposed;

    @AfterEach
    void stop() {
        if (exposed != null) {
            exposed.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void listensOnLoopbackOnly_byDefault() {
        fixture = new ApiFixture();

        assertThat(fixture.server.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(ApiAccess.loopbackOnly().tokenRequired()).isFalse();
    }

    @Test
    void refusesNetworkRequestsWithoutTheToken_andAcceptsBearerOrSigV4AccessKey(@TempDir Path dataDir) throws Exception {
        InetAddress lan = siteAddress().orElse(null);
        assumeTrue(lan != null, "this machine has no non-loopback IPv4 address to test with");
        ApiAccess access = ApiAccess.bind(lan, dataDir);
        exposed = start(access);
        URI endpoint = URI.create("http://" + lan.getHostAddress() + ":" + exposed.port());

        HttpResponse<String> none = get(endpoint, null);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.headers().firstValue("X-Amzn-ErrorType")).hasValue("UnrecognizedClientException");
        assertThat(none.body()).contains("The security token included in the request is invalid.")
                .contains("file api-token").doesNotContain(access.token());
        assertThat(get(endpoint, "Bearer " + "A".repeat(32)).statusCode()).isEqualTo(403);
        assertThat(get(endpoint, "Bearer " + access.token()).statusCode()).isEqualTo(200);
        assertThat(get(endpoint, "AWS4-HMAC-SHA256 Credential=" + access.token()
                + "/20260301/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=00").statusCode()).isEqualTo(200);

        try (LambdaClient sdk = sdk(endpoint, access.token())) {
            assertThat(sdk.listEventSourceMappings().eventSourceMappings()).isEmpty();
        }
        try (LambdaClient wrong = sdk(endpoint, "AKIAWRONGWRONGWRONG0")) {
            assertThatThrownBy(wrong::listEventSourceMappings).isInstanceOf(LambdaException.class)
                    .satisfies(e -> assertThat(((LambdaException) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void keepsTheTokenOwnerOnly_andTheSameAcrossRestarts(@TempDir Path dataDir) throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        ApiAccess first = ApiAccess.bind(any, dataDir);
        ApiAccess second = ApiAccess.bind(any, dataDir);

        assertThat(first.token()).matches("[A-Z2-7]{32}").isEqualTo(second.token());
        assertThat(first.toString()).doesNotContain(first.token());
        Path file = dataDir.resolve(ApiToken.FILE_NAME);
        assertThat(Files.readString(file)).isEqualTo(first.token());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void stillAnswersThisMachineWithoutAToken_whenBoundToAllAddresses(@TempDir Path dataDir) throws Exception {
        exposed = start(ApiAccess.bind(InetAddress.getByName("0.0.0.0"), dataDir));

        assertThat(get(URI.create("http://127.0.0.1:" + exposed.port()), null).statusCode()).isEqualTo(200);
    }

    private LambdaApiServer start(ApiAccess access) {
        fixture = new ApiFixture();
        return new LambdaApiServer(new ApiContext(fixture.mappings, fixture.functions, fixture.clusters,
                new JdbcInvocationHistory(fixture.database.dataSource(), HistoryRetention.defaults()),
                Clock.systemUTC(), ApiFixture.REGION, ApiFixture.ACCOUNT), 0, access);
    }

    private HttpResponse<String> get(URI endpoint, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(ESM));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static LambdaClient sdk(URI endpoint, String accessKeyId) {
        return LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "any")))
                .build();
    }

    private static Optional<InetAddress> siteAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
