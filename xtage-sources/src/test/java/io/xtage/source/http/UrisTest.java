package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrisTest {
    @Test
    void nameDropsUserInfoFragmentAndSecretParameters() {
        URI u = URI.create("https://bob:pw@api.example.com:8443/v1/items?category=a&api_key=K1&access_token=T2"
            + "&X-Amz-Signature=S3&page=2#frag");
        assertThat(Uris.name(u)).isEqualTo("https://api.example.com:8443/v1/items?category=a&page=2");
    }

    @Test
    void secretsAreTheUserInfoAndSecretValues() {
        URI u = URI.create("https://bob:pw-1@api.example.com/x?token=a%2Bb&q=1");
        assertThat(Uris.secrets(u)).contains("pw-1", "bob:pw-1", "a%2Bb", "a+b").doesNotContain("1");
    }

    @Test
    void withParamReplacesInPlaceAndEncodes() {
        URI u = URI.create("http://h/p?a=1&page=1&b=2&page=9");
        assertThat(Uris.withParam(u, "page", "x y/+").toString()).isEqualTo("http://h/p?a=1&page=x+y%2F%2B&b=2");
    }

    @Test
    void withParamAppendsAndAddsAPath() {
        assertThat(Uris.withParam(URI.create("http://h"), "page", "1").toString()).isEqualTo("http://h/?page=1");
    }

    @Test
    void paramIsDecoded() {
        assertThat(Uris.param(URI.create("http://h/?cursor=a%2Fb"), "cursor")).contains("a/b");
        assertThat(Uris.param(URI.create("http://h/"), "cursor")).isEmpty();
    }

    @Test
    void sameOriginComparesSchemeHostAndPort() {
        assertThat(Uris.sameOrigin(URI.create("https://h/a"), URI.create("https://H:443/b"))).isTrue();
        assertThat(Uris.sameOrigin(URI.create("https://h/a"), URI.create("http://h/b"))).isFalse();
        assertThat(Uris.sameOrigin(URI.create("http://h:80/a"), URI.create("http://h:81/b"))).isFalse();
    }
}
