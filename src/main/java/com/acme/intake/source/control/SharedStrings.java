package com.acme.intake.source.control;

import java.io.InputStream;
import java.util.Arrays;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;

import com.acme.intake.source.entity.SourceProblem;

/**
 * The shared-strings table of a workbook ({@code xl/sharedStrings.xml}), read with bounds: at most
 * {@link FileLimits#sharedStrings()} entries, {@link FileLimits#fieldChars()} characters each and
 * {@link FileLimits#sharedStringChars()} together. POI's {@code ReadOnlySharedStringsTable} keeps
 * every string however many there are; here they share one character buffer, so the table costs
 * its characters and four bytes an entry. Phonetic guides (furigana, {@code <rPh>}) are left out,
 * as in POI's table without phonetic runs.
 */
final class SharedStrings {

    private static final SharedStrings NONE = new SharedStrings(new StringBuilder(), new int[] {0}, 0);

    private final StringBuilder chars;
    private final int[] ends;
    private final int count;

    private SharedStrings(StringBuilder chars, int[] ends, int count) {
        this.chars = chars;
        this.ends = ends;
        this.count = count;
    }

    static SharedStrings none() {
        return NONE;
    }

    static SharedStrings read(InputStream part, FileLimits limits) throws XMLStreamException {
        StringBuilder chars = new StringBuilder();
        int[] ends = new int[1024];
        int count = 0;
        XMLStreamReader xml = XMLHelper.newXMLInputFactory()
                .createXMLStreamReader(XmlRunLimit.of(part, limits.xmlRunBytes()));
        try {
            int phonetic = 0;
            boolean inText = false;
            int start = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("si")) {
                        if (count == limits.sharedStrings()) {
                            throw unreadable("the workbook has more than " + limits.sharedStrings() + " shared strings");
                        }
                        start = chars.length();
                    } else if (name.equals("rPh")) {
                        phonetic++;
                    } else if (name.equals("t") && phonetic == 0) {
                        inText = true;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("si")) {
                        if (count == ends.length) {
                            ends = Arrays.copyOf(ends, ends.length * 2);
                        }
                        ends[count++] = chars.length();
                    } else if (name.equals("rPh")) {
                        phonetic--;
                    } else if (name.equals("t")) {
                        inText = false;
                    }
                } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE)) {
                    chars.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    if (chars.length() - start > limits.fieldChars()) {
                        throw unreadable("a shared string of the workbook is longer than " + limits.fieldChars()
                                + " characters");
                    }
                    if (chars.length() > limits.sharedStringChars()) {
                        throw unreadable("the shared strings of the workbook are longer than "
                                + limits.sharedStringChars() + " characters together");
                    }
                }
            }
        } finally {
            xml.close();
        }
        return new SharedStrings(chars, ends, count);
    }

    int size() {
        return count;
    }

    /** The entry at a zero-based index; an index outside the table is a broken workbook. */
    String get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("no shared string " + index);
        }
        return chars.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
    }

    private static SourceProblem unreadable(String message) {
        return new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE, message);
    }
}
