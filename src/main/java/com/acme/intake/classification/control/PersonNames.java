package com.acme.intake.classification.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Whether a value looks like a person's name, in kanji (Kuromoji's tagger marks 人名), in kana
 * (family and given name with a space between, as フリガナ are written) or in Latin script (one to
 * three capitalised words, each a Japanese name in romaji or a common Western given name).
 * <p>
 * One instance serves one thread: it holds a tokenizer, created on the first kanji value. Kuromoji's
 * dictionaries (some MB) are loaded by Lucene once per JVM, on that first use, never at startup.
 */
final class PersonNames implements AutoCloseable {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々 ・]{2,16}");
    private static final Pattern HAS_HAN = Pattern.compile(".*\\p{IsHan}.*");
    private static final Pattern KANA_FULL_NAME = Pattern.compile(
            "[\\p{IsKatakana}ー]{1,8} [\\p{IsKatakana}ー]{1,8}|[\\p{IsHiragana}ー]{1,8} [\\p{IsHiragana}ー]{1,8}");
    private static final Pattern LATIN = Pattern.compile("[A-Z][A-Za-z'-]{1,20}(?:,? [A-Z][A-Za-z'-]{1,20}){0,2}");
    private static final Pattern ROMAJI = Pattern.compile(
            "(?:(?:[kgsztdnhbpmrfj]|sh|ch|ts|ky|gy|ny|hy|by|py|my|ry|j)?[aiueo]|y[auo]|w[ao]|n(?![aiueoy])|([kstpc])(?=\\1))+");
    private static final String PERSON = "名詞-固有名詞-人名";

    /** Common given names in English-speaking and European countries; romaji names are recognised by their syllables. */
    private static final Set<String> WESTERN_GIVEN_NAMES = Set.of("james", "john", "robert", "michael", "william",
            "david", "richard", "joseph", "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark",
            "paul", "steven", "andrew", "kenneth", "joshua", "kevin", "brian", "george", "edward", "ronald", "timothy",
            "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin",
            "scott", "brandon", "benjamin", "samuel", "frank", "gregory", "raymond", "alexander", "patrick", "jack",
            "dennis", "jerry", "peter", "oliver", "harry", "noah", "liam", "lucas", "hans", "pierre", "luca", "marco",
            "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
            "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "emily", "donna", "michelle", "carol", "amanda",
            "melissa", "deborah", "stephanie", "rebecca", "laura", "sharon", "cynthia", "kathleen", "amy", "anna",
            "emma", "olivia", "sophia", "isabella", "charlotte", "amelia", "mia", "grace", "chloe", "julia", "claire",
            "marie", "sophie", "hannah", "lucy", "alice", "maria", "elena", "sofia", "ana", "wei", "li", "min");

    private JapaneseTokenizer tokenizer;
    private CharTermAttribute term;
    private PartOfSpeechAttribute partOfSpeech;
    private ReadingAttribute reading;

    boolean looksLikeName(String v) {
        if (v.length() > 40) {
            return false;
        }
        if (JAPANESE.matcher(v).matches()) {
            if (HAS_HAN.matcher(v).matches()) {
                return taggedAsName(v);
            }
            return KANA_FULL_NAME.matcher(v).matches() && !commonWordInKana(v);
        }
        if (LATIN.matcher(v).matches()) {
            return latinName(v);
        }
        return false;
    }

    /** A common given name anywhere ("Emily Smith", "Smith, John"), or every word a Japanese name in romaji ("Taro Yamada"). */
    private static boolean latinName(String v) {
        boolean allRomaji = true;
        for (String word : v.replace(",", "").split(" ")) {
            String w = word.toLowerCase(Locale.ROOT);
            if (WESTERN_GIVEN_NAMES.contains(w)) {
                return true;
            }
            allRomaji &= w.length() >= 4 && ROMAJI.matcher(w).matches();
        }
        return allRomaji;
    }

    /**
     * Kana words that Kuromoji knows as one common noun (セール, クーポン, イベント) are no name; a
     * name in kana is tagged as a name, a place, an organisation or split into pieces (タカ・ハシ).
     */
    private boolean commonWordInKana(String v) {
        for (String word : v.split(" ")) {
            List<String[]> tokens = tag(word);
            if (tokens.size() == 1) {
                String pos = tokens.get(0)[1];
                if (pos != null && (pos.startsWith("名詞-一般") || pos.startsWith("名詞-サ変接続")
                        || pos.startsWith("名詞-形容動詞語幹"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every token is a person name (人名) or an unknown word, and at least one is a name: 山田太郎 and
     * 佐藤 翔 pass, 田中工業 (a family name and "industry") does not.
     */
    private boolean taggedAsName(String v) {
        boolean person = false;
        boolean other = false;
        List<String[]> tokens = tag(v);
        for (String[] token : tokens) {
            if (token[1] != null && token[1].startsWith(PERSON)) {
                person = true;
            } else if (!(token[2] == null || token[0].length() == 1)) {
                other = true;
            }
        }
        return person && !other && tokens.size() <= 4;
    }

    /** The tokens of a value as {term, part of speech, reading (null for an unknown word)}, blanks left out. */
    private List<String[]> tag(String v) {
        try {
            if (tokenizer == null) {
                tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
                term = tokenizer.addAttribute(CharTermAttribute.class);
                partOfSpeech = tokenizer.addAttribute(PartOfSpeechAttribute.class);
                reading = tokenizer.addAttribute(ReadingAttribute.class);
            }
            tokenizer.setReader(new StringReader(v));
            tokenizer.reset();
            List<String[]> tokens = new ArrayList<>(4);
            while (tokenizer.incrementToken()) {
                String text = term.toString();
                if (!text.isBlank()) {
                    tokens.add(new String[] {text, partOfSpeech.getPartOfSpeech(), reading.getReading()});
                }
            }
            tokenizer.end();
            tokenizer.close();
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // The tokenizer was closed after each value; nothing else holds resources.
        tokenizer = null;
    }
}
