import pytest

from geo.text import name_key, sentences, skeleton, tokens


def test_skeleton_matches_across_scripts():
    assert skeleton("खासन") == skeleton("Khasan") == skeleton("Хасан")
    assert skeleton("उस्सूरीस्क") == skeleton("Ussuriysk")
    assert skeleton("प्योंगयांग") == skeleton("Pyongyang")
    assert skeleton("Vladivostok") != skeleton("Ussuriysk")


def test_tokens_keep_offsets_and_devanagari_marks():
    text = "किम प्योंगयांग से रवाना"
    toks = tokens(text)
    assert [t.text for t in toks] == ["किम", "प्योंगयांग", "से", "रवाना"]
    assert all(text[t.start:t.end] == t.text for t in toks)


def test_name_key_normalises_case_apostrophes_and_hyphens():
    assert name_key("P'yongyang-si") == "pyongyang si"
    assert name_key("NEW  York") == "new york"
    # one plain word, taken at once, and words the full normalisation has to see
    assert name_key("Kazan1") == "kazan1" and name_key("ＫＡＺＡＮ") == "kazan"
    assert name_key("Zürich") == "zürich"
    assert name_key("Straße") == "strasse" and name_key("O'Hare") == "ohare"


def test_sentences_split_on_danda_and_newlines():
    text = "सियोल । पहला वाक्य। दूसरा वाक्य\nthird line."
    spans = sentences(text)
    assert [text[s:e] for s, e in spans][-1] == "third line."
    assert len(spans) == 4


def test_a_full_stop_before_a_word_in_small_letters_ends_a_short_form_not_a_sentence():
    text = "He will lead a yoga event at the U.N. headquarters, before heading to Washington. Then Cairo.\r\nEnd."
    assert [text[s:e] for s, e in sentences(text)] == [
        "He will lead a yoga event at the U.N. headquarters, before heading to Washington.", "Then Cairo.", "End."]


def test_a_months_short_form_before_a_number_ends_no_sentence():
    text = "He heads to Dili on Sept. 9, and ends it. Le 18 sept. 2023 il part. Seen at No. 5 Main. In Oct. The end."
    assert [text[s:e] for s, e in sentences(text)] == [
        "He heads to Dili on Sept. 9, and ends it.", "Le 18 sept. 2023 il part.", "Seen at No.", "5 Main.", "In Oct.",
        "The end."]


def test_sentences_split_after_chinese_and_japanese_full_stops_without_a_space():
    text = "习近平抵达莫斯科。22日，习近平返回北京。列車は到着した！次は"
    assert [text[s:e] for s, e in sentences(text)] == ["习近平抵达莫斯科。", "22日，习近平返回北京。", "列車は到着した！",
                                                       "次は"]


def test_word_frequencies_kept_as_a_trie_only(tmp_path, monkeypatch):
    import wordfreq

    from geo.text import _frequencies, word_zipf

    monkeypatch.setenv("GEOJOURNEY_CACHE_DIR", str(tmp_path))
    _frequencies.cache_clear()
    word_zipf.cache_clear()
    try:
        assert word_zipf("och", ("sv",)) > 6  # built from wordfreq's lists into the cache ...
        assert list(tmp_path.glob("wordfreq-*-sv.zipf.pickle"))
        # ... which wordfreq does not keep besides (some 70 MB a language)
        assert wordfreq.get_frequency_dict.cache_info().currsize == 0
        assert wordfreq.get_frequency_list.cache_info().currsize == 0
        # the Zipf values wordfreq gives (it rounds them to two decimals); a word it lacks has 0
        assert abs(word_zipf("och", ("sv",)) - wordfreq.zipf_frequency("och", "sv")) < 0.01
        assert word_zipf("qzxqzxq", ("sv",)) == 0.0
    finally:
        _frequencies.cache_clear()
        word_zipf.cache_clear()


def test_a_scripts_languages_are_looked_up_in_one_trie_that_says_what_each_says():
    from geo.text import SCRIPT_LANGUAGES, word_zipf

    for word in ("police", "Straße", "château", "Lyon", "und", "zzqxzzq"):
        assert word_zipf(word) == max(word_zipf(word, (lang,)) for lang in SCRIPT_LANGUAGES["Latin"])
    assert word_zipf("und") > 7 and word_zipf("zzqxzzq") == 0.0
    assert word_zipf("и") == word_zipf("и", ("ru",)) > 7  # a script of one language


#: Russian names as German (Duden: Х "ch", В "w", Ч "tsch", Ж "sch"; с between vowels "ss", and "s" as the press also
#: writes it; е at a word's start "je"; -ий at a word's end "i") and French (Х "kh", У "ou", Ч "tch", Ж "j", Ш "ch";
#: й after a vowel "ï", at a word's start "i") write them.
RUSSIAN_SPELLED = {
    "de": {"Хасан": ["Chassan", "Chasan"], "Владивосток": ["Wladiwostok"], "Уссурийск": ["Ussurijsk"],
           "Екатеринбург": ["Jekaterinburg"], "Нижний Новгород": ["Nischni Nowgorod"], "Биробиджан": ["Birobidschan"]},
    "fr": {"Хасан": ["Khassan", "Khasan"], "Уссурийск": ["Oussouriïsk"], "Восточный": ["Vostotchny"],
           "Екатеринбург": ["Iekaterinbourg"], "Нижний Новгород": ["Nijni Novgorod"], "Йошкар-Ола": ["Iochkar-Ola"]},
}


@pytest.mark.parametrize("lang", sorted(RUSSIAN_SPELLED))
def test_russian_names_are_spelled_as_german_and_french_write_them(lang):
    from geo.text import russian_romanizations

    assert {name: russian_romanizations(name, lang) for name in RUSSIAN_SPELLED[lang]} == RUSSIAN_SPELLED[lang]
    # a letter Russian does not have (Ukrainian ї), or another script: none
    assert russian_romanizations("Київ", lang) == [] == russian_romanizations("Kyiv", lang)


def test_a_name_of_another_language_in_arabic_letters_is_read_with_its_vowels():
    from geo.text import arabic_readings

    # ا و ي are long vowels after a consonant, a consonant before a vowel; ف is f or v; a name's words run together
    assert arabic_readings("أوسوريسك") == ["usurisk"]  # Ussuriysk
    assert arabic_readings("خاسان") == ["khasan"]
    assert "vladivustuk" in arabic_readings("فلاديفوستوك")
    assert arabic_readings("دونغ دانغ") == ["dungdang"]  # Đồng Đăng
    assert arabic_readings("يكاترينبورغ")[0].startswith("y")  # ي before a vowel's letter: a consonant
    assert arabic_readings("Kyiv") == []
