package dev.snapotter.engine.codec.imageio;

import dev.snapotter.engine.codec.ImageFormat;
import dev.snapotter.engine.testing.TestImages;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FormatSnifferTest {

    @Test
    void recognisesMagicBytes() {
        assertThat(FormatSniffer.sniff(TestImages.jpeg(8, 8))).isEqualTo(ImageFormat.JPEG);
        assertThat(FormatSniffer.sniff(TestImages.png(8, 8, false))).isEqualTo(ImageFormat.PNG);
        assertThat(FormatSniffer.sniff(TestImages.encode(TestImages.pattern(8, 8, false), "gif"))).isEqualTo(ImageFormat.GIF);
        assertThat(FormatSniffer.sniff(TestImages.encode(TestImages.pattern(8, 8, false), "tga"))).isEqualTo(ImageFormat.TGA);
        assertThat(FormatSniffer.sniff(TestImages.sample("gradient-16x12.webp"))).isEqualTo(ImageFormat.WEBP);
        assertThat(FormatSniffer.sniff(bytes("P6\n2 2\n255\n"))).isEqualTo(ImageFormat.PNM);
        assertThat(FormatSniffer.sniff(bytes("#?RADIANCE\n"))).isEqualTo(ImageFormat.HDR);
    }

    @Test
    void textIsNotMistakenForAnImage() {
        for (String s : new String[]{"hello world, this is text", "P6is not a pnm", "BM", "{\"json\":true}"}) {
            assertThat(FormatSniffer.sniff(bytes(s))).as(s).isNull();
        }
        assertThat(FormatSniffer.describeNonImage(bytes("%PDF-1.7"))).contains("PDF");
        assertThat(FormatSniffer.describeNonImage(bytes("  <html><body>"))).contains("HTML");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
