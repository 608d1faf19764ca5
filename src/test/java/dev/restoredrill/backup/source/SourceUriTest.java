package dev.restoredrill.backup.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceUriTest {

    @Test
    void aPathIsADirectoryAsBefore() {
        SourceUri uri = SourceUri.parse("/srv/backups");
        assertThat(uri.kind()).isEqualTo(SourceUri.Kind.DIRECTORY);
        assertThat(uri.remote()).isFalse();
        assertThat(SourceUri.parse("./backups").raw()).isEqualTo("./backups");
    }

    @Test
    void s3UriGivesBucketAndPrefixWithoutSlashes() {
        SourceUri uri = SourceUri.parse("s3://acme-backups/nightly/prod/");
        assertThat(uri.kind()).isEqualTo(SourceUri.Kind.S3);
        assertThat(uri.bucket()).isEqualTo("acme-backups");
        assertThat(uri.prefix()).isEqualTo("nightly/prod");
        assertThat(SourceUri.parse("s3://acme-backups").prefix()).isEmpty();
        assertThat(SourceUri.parse("s3://acme-backups/").prefix()).isEmpty();
    }

    @Test
    void resticKeepsTheRepositoryAsResticSpellsIt() {
        assertThat(SourceUri.parse("restic:/srv/restic-repo").repository()).isEqualTo("/srv/restic-repo");
        SourceUri sftp = SourceUri.parse("restic:sftp:backup-vm:/srv/restic");
        assertThat(sftp.kind()).isEqualTo(SourceUri.Kind.RESTIC);
        assertThat(sftp.repository()).isEqualTo("sftp:backup-vm:/srv/restic");
        assertThat(SourceUri.parse("restic:s3:https://s3.example.com/bucket/repo").repository())
                .isEqualTo("s3:https://s3.example.com/bucket/repo");
    }

    @Test
    void aPasswordInsideARepositoryUrlIsMasked() {
        SourceUri rest = SourceUri.parse("restic:rest:https://drill:S3cretPw@backup-vm:8000/repo");
        assertThat(rest.masked()).isEqualTo("restic:rest:https://drill:***@backup-vm:8000/repo")
                .doesNotContain("S3cretPw");
        assertThat(rest.repository()).contains("S3cretPw"); // restic itself needs it
        assertThat(SourceUri.parse("restic:sftp:user@host:/srv/restic").masked())
                .isEqualTo("restic:sftp:user@host:/srv/restic");
        assertThat(SourceUri.parse("s3://bucket/p").masked()).isEqualTo("s3://bucket/p");
    }

    @Test
    void credentialsInAnS3UriAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> SourceUri.parse("s3://AKIAEXAMPLE:wJalrXUtnFEMI@bucket/prefix"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID")
                .hasMessageNotContaining("wJalrXUtnFEMI");
    }

    @Test
    void badSourcesSayWhatIsExpected() {
        assertThatThrownBy(() -> SourceUri.parse(" ")).hasMessageContaining("expected a directory");
        assertThatThrownBy(() -> SourceUri.parse("s3://")).hasMessageContaining("names no bucket");
        assertThatThrownBy(() -> SourceUri.parse("s3:/bucket/prefix")).hasMessageContaining("s3://bucket/prefix");
        assertThatThrownBy(() -> SourceUri.parse("gs://bucket/prefix")).hasMessageContaining("restic:<repository>");
        assertThatThrownBy(() -> SourceUri.parse("restic:")).hasMessageContaining("names no repository");
    }

    @Test
    void eachSourceHasItsOwnCacheDirectoryNamedWithoutItsCredentials() {
        var root = java.nio.file.Path.of("/tmp/cache");
        var a = BackupSources.cacheDir(root, SourceUri.parse("restic:rest:https://u:SecretA@h/repo"));
        var b = BackupSources.cacheDir(root, SourceUri.parse("s3://bucket/prefix"));
        assertThat(a.getFileName().toString()).startsWith("restic-").doesNotContain("Secret");
        assertThat(b.getFileName().toString()).startsWith("s3-");
        assertThat(a).isNotEqualTo(b);
    }
}
