package app.chorus.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What someone holding files without the key can read in them: every text looked for in the obvious encodings
 * (UTF-8, UTF-16 and UTF-32 either way round, Latin-1, Base64 at each alignment, hex), each byte of every file.
 */
final class WhatTheFilesReveal {

    private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
        StandardCharsets.UTF_16BE, Charset.forName("UTF-32LE"), Charset.forName("UTF-32BE"), StandardCharsets.ISO_8859_1);

    private WhatTheFilesReveal() {
    }

    /** "file: text" for each text found in a file of these folders or files (empty when nothing is readable). */
    static List<String> findings(List<Path> places, List<String> texts) {
        List<String> found = new ArrayList<>();
        for (Path file : files(places)) {
            byte[] content = read(file);
            for (String text : texts) {
                for (byte[] pattern : encodings(text)) {
                    if (indexOf(content, pattern) >= 0) {
                        found.add(file.getFileName() + ": " + text);
                        break;
                    }
                }
            }
        }
        return found;
    }

    static List<Path> files(List<Path> places) {
        List<Path> files = new ArrayList<>();
        for (Path place : places) {
            if (Files.isDirectory(place)) {
                try (Stream<Path> list = Files.list(place)) {
                    list.filter(Files::isRegularFile).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(place);
            }
        }
        return files;
    }

    static List<byte[]> encodings(String text) {
        List<byte[]> patterns = new ArrayList<>();
        for (String variant : List.of(text, text.toLowerCase(Locale.ROOT), text.toUpperCase(Locale.ROOT))) {
            for (Charset charset : CHARSETS) {
                patterns.add(variant.getBytes(charset));
            }
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[utf8.length + shift];
            System.arraycopy(utf8, 0, shifted, shift, utf8.length);
            String base64 = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // the characters that depend only on the text, not on the bytes around it
            patterns.add(base64.substring(shift == 0 ? 0 : 4, base64.length() - 4).getBytes(StandardCharsets.US_ASCII));
        }
        patterns.add(HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        return patterns;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] content, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= content.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
