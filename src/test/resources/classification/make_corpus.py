#!/usr/bin/env python3
"""Writes corpus.jsonl, the labelled columns of PiiCorpusTest: python3 make_corpus.py > corpus.jsonl

Every value is synthetic: names combined at random from common Japanese and Western names,
addresses from prefectures and made-up blocks, e-mails at example.com/example.jp, phone numbers in
the ranges libphonenumber knows, My Numbers and card numbers generated with their check digits.
Each line: {"table", "column", "type", "label" (NONE/PERSONAL/SENSITIVE), "why", "values"}.
The seed is fixed so the file is reproducible; the labels say what the data is, not what a
detector finds.
"""
import json, random, datetime

R = random.Random(20261204)
ROWS = 120

SUR = [("佐藤","サトウ","sato"),("鈴木","スズキ","suzuki"),("高橋","タカハシ","takahashi"),("田中","タナカ","tanaka"),
       ("伊藤","イトウ","ito"),("渡辺","ワタナベ","watanabe"),("山本","ヤマモト","yamamoto"),("中村","ナカムラ","nakamura"),
       ("小林","コバヤシ","kobayashi"),("加藤","カトウ","kato"),("吉田","ヨシダ","yoshida"),("山田","ヤマダ","yamada"),
       ("佐々木","ササキ","sasaki"),("山口","ヤマグチ","yamaguchi"),("松本","マツモト","matsumoto"),("井上","イノウエ","inoue"),
       ("木村","キムラ","kimura"),("林","ハヤシ","hayashi"),("斎藤","サイトウ","saito"),("清水","シミズ","shimizu"),
       ("森","モリ","mori"),("池田","イケダ","ikeda"),("橋本","ハシモト","hashimoto"),("石川","イシカワ","ishikawa"),
       ("前田","マエダ","maeda"),("藤田","フジタ","fujita"),("岡田","オカダ","okada"),("後藤","ゴトウ","goto"),
       ("長谷川","ハセガワ","hasegawa"),("村上","ムラカミ","murakami"),("近藤","コンドウ","kondo"),("坂本","サカモト","sakamoto")]
GIV = [("太郎","タロウ","taro"),("花子","ハナコ","hanako"),("翔太","ショウタ","shota"),("陽菜","ヒナ","hina"),
       ("大輔","ダイスケ","daisuke"),("美咲","ミサキ","misaki"),("健太","ケンタ","kenta"),("結衣","ユイ","yui"),
       ("拓也","タクヤ","takuya"),("さくら","サクラ","sakura"),("直樹","ナオキ","naoki"),("愛","アイ","ai"),
       ("誠","マコト","makoto"),("由美","ユミ","yumi"),("蓮","レン","ren"),("葵","アオイ","aoi"),("悠斗","ユウト","yuto"),
       ("恵子","ケイコ","keiko"),("浩二","コウジ","koji"),("真由美","マユミ","mayumi"),("亮","リョウ","ryo"),
       ("彩","アヤ","aya"),("和也","カズヤ","kazuya"),("千尋","チヒロ","chihiro"),("隆","タカシ","takashi"),("優子","ユウコ","yuko")]
WFIRST = ["Emily","James","Olivia","Michael","Sophia","Daniel","Grace","Lucas","Hannah","Thomas","Chloe","Benjamin",
          "Alice","Samuel","Laura","Peter","Anna","David","Claire","Oliver","Isla","Hugo","Freya","Ethan","Nora","Leo"]
WLAST = ["Smith","Johnson","Brown","Miller","Davis","Wilson","Taylor","Anderson","Moore","Martin","Clark","Lewis",
         "Walker","Hall","Young","King","Wright","Scott","Green","Baker","Adams","Nelson","Carter","Mitchell","Roberts"]
PREF = ["北海道","宮城県","東京都","神奈川県","埼玉県","千葉県","愛知県","京都府","大阪府","兵庫県","広島県","福岡県","沖縄県",
        "静岡県","新潟県","長野県","熊本県","鹿児島県","石川県","岡山県"]
CITY = ["渋谷区","新宿区","港区","横浜市中区","さいたま市大宮区","千葉市美浜区","名古屋市中村区","京都市左京区","大阪市北区",
        "神戸市中央区","広島市南区","福岡市博多区","那覇市","静岡市葵区","新潟市中央区","松本市","熊本市中央区","鹿児島市","金沢市","岡山市北区"]
TOWN = ["神南","西新宿","芝公園","山下町","桜木町","中瀬","名駅","下鴨","梅田","三宮町","皆実町","博多駅前","久茂地","駿府町","万代","中央","手取本町","山下町","広坂","表町"]
PRODUCTS_EN = ["Wireless Mouse","USB-C Cable 2m","Stainless Water Bottle","Organic Green Tea 100g","Noise Cancelling Headphones",
               "LED Desk Lamp","Yoga Mat Blue","Coffee Beans Dark Roast","Bluetooth Speaker Mini","Cotton T-Shirt L",
               "Running Shoes 27cm","Ceramic Mug","Laptop Stand","Notebook A5","Gel Pen Set","Backpack 20L","Phone Case Clear",
               "Air Purifier","Rice Cooker 5.5","Electric Kettle"]
PRODUCTS_JA = ["ワイヤレスマウス","緑茶ティーバッグ","ステンレスボトル","電気ケトル","炊飯器 5.5合","ノートパソコンスタンド","コーヒー豆 深煎り",
               "加湿器","ヨガマット","ボールペン 黒","北海道産牛乳","今治タオル","抹茶ラテ","有田焼 マグカップ","信州りんごジュース",
               "羽毛布団 シングル","ランニングシューズ","除湿機","フライパン 26cm","低反発枕"]
DISEASES_JA = ["糖尿病","高血圧症","気管支喘息","胃炎","肺炎","うつ病","花粉症","腰椎椎間板ヘルニア","脂質異常症","骨折","アトピー性皮膚炎",
               "狭心症","偏頭痛","貧血","関節リウマチ","甲状腺機能低下症","乳がん","胃潰瘍"]
DISEASES_EN = ["diabetes","hypertension","asthma","migraine","depression","anemia","arthritis","gastritis","bronchitis",
               "eczema","insomnia","pneumonia","influenza","osteoporosis"]
COMMENTS_JA = ["配送が早くて助かりました","梱包が丁寧でした","サイズが少し大きかったです","また購入したいです","色が写真と少し違いました",
               "説明書がわかりやすい","問い合わせへの対応が良かった","期待通りの品質です","次回はまとめ買いします","特になし"]
DESCR_JA = ["軽量で持ち運びやすいモデルです。","毎日の使用に適した耐久性のある素材を使っています。","国内工場で製造しています。",
            "季節限定のパッケージです。","お手入れが簡単で長く使えます。","ギフトにもおすすめの商品です。"]


def person_kanji(space=True):
    s, g = R.choice(SUR), R.choice(GIV)
    return s[0] + (" " if space else "") + g[0]


def person_kana(hira=False):
    s, g = R.choice(SUR), R.choice(GIV)
    v = s[1] + " " + g[1]
    if hira:
        v = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in v)
    return v


def person_romaji(order="given"):
    s, g = R.choice(SUR), R.choice(GIV)
    return (g[2].capitalize() + " " + s[2].capitalize()) if order == "given" else (s[2].upper() + " " + g[2].capitalize())


def person_western():
    return R.choice(WFIRST) + " " + R.choice(WLAST)


def email():
    kind = R.random()
    if kind < 0.4:
        local = R.choice(SUR)[2] + "." + R.choice(GIV)[2]
    elif kind < 0.7:
        local = R.choice(WFIRST).lower() + R.choice(["", ".", "_"]) + R.choice(WLAST).lower()
    else:
        local = R.choice(GIV)[2] + str(R.randint(1, 999))
    return local + "@" + R.choice(["example.com", "example.jp", "mail.example.co.jp", "example.org"])


def mobile(style=0):
    d = R.choice(["090", "080", "070"]) + "".join(str(R.randint(0, 9)) for _ in range(8))
    d = d[:3] + str(R.randint(1, 9)) + d[4:]
    if style == 0:
        return d[:3] + "-" + d[3:7] + "-" + d[7:]
    if style == 1:
        return d
    return "+81 " + d[1:3] + "-" + d[3:7] + "-" + d[7:]


def fixed():
    area = R.choice([("03", 4), ("06", 4), ("045", 3), ("052", 3), ("011", 3), ("092", 3), ("075", 3), ("0263", 2)])
    rest = 10 - len(area[0])
    sub = str(R.randint(2, 9)) + "".join(str(R.randint(0, 9)) for _ in range(area[1] - 1))
    last = "".join(str(R.randint(0, 9)) for _ in range(rest - area[1]))
    return area[0] + "-" + sub + "-" + last


def freedial():
    if R.random() < 0.5:
        return "0120-" + str(R.randint(100, 999)) + "-" + str(R.randint(100, 999))
    return "0570-0" + str(R.randint(10, 99)) + "-" + str(R.randint(100, 999))


def international():
    return R.choice(["+1 415 555 0", "+44 20 7946 0", "+33 1 42 68 5", "+49 30 901820", "+61 2 9374 4"]) + \
        "".join(str(R.randint(0, 9)) for _ in range(3))


def postal(mark=False):
    v = "%03d-%04d" % (R.randint(100, 999), R.randint(0, 9999))
    return "〒" + v if mark else v


def address(with_postal=False):
    i = R.randrange(len(PREF))
    v = PREF[i] + CITY[i] + TOWN[i] + "%d-%d-%d" % (R.randint(1, 9), R.randint(1, 30), R.randint(1, 20))
    if R.random() < 0.3:
        v += " " + R.choice(["サンプルマンション", "テストハイツ", "コーポ例"]) + str(R.randint(101, 905)) + "号室"
    return ("〒" + postal() + " " + v) if with_postal else v


def my_number(style=0):
    p = [R.randint(0, 9) for _ in range(11)]
    s = sum(p[11 - n] * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = s % 11
    d = "".join(map(str, p)) + str(0 if r <= 1 else 11 - r)
    return d if style == 0 else d[:4] + " " + d[4:8] + " " + d[8:]


def luhn_complete(prefix, length):
    body = prefix + "".join(str(R.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        x = int(ch)
        if i % 2 == 0:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return body + str((10 - total % 10) % 10)


def card(spaced=True):
    prefix, length = R.choice([("4", 16), ("5" + str(R.randint(1, 5)), 16), ("35" + str(R.randint(28, 89)), 16), ("37", 15)])
    d = luhn_complete(prefix, length)
    if spaced and length == 16:
        return " ".join(d[i:i + 4] for i in range(0, 16, 4))
    return d


def ipv4():
    return "%d.%d.%d.%d" % (R.choice([10, 172, 192, 203, 198, 133]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


def ipv6():
    return "2001:db8:%x:%x::%x" % (R.randint(0, 0xffff), R.randint(0, 0xffff), R.randint(1, 0xffff))


def birth(lo=1940, hi=2008):
    start = datetime.date(lo, 1, 1)
    return start + datetime.timedelta(days=R.randint(0, (datetime.date(hi, 12, 31) - start).days))


def recent_day():
    return datetime.date(2023, 1, 1) + datetime.timedelta(days=R.randint(0, 700))


def recent_ts():
    return datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=R.randint(0, 60 * 60 * 24 * 330))


def with_nulls(gen, share=0.1):
    return lambda: None if R.random() < share else gen()


def mix(*weighted):
    def gen():
        x = R.random()
        for w, g in weighted:
            if x < w:
                return g()
            x -= w
        return weighted[-1][1]()
    return gen


def digits(n):
    return str(R.randint(1, 9)) + "".join(str(R.randint(0, 9)) for _ in range(n - 1))


def jan():
    body = "49" + "".join(str(R.randint(0, 9)) for _ in range(10))
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


COLUMNS = []


def col(table, column, type_, label, why, gen, rows=ROWS):
    values = []
    for _ in range(rows):
        v = gen()
        if isinstance(v, datetime.datetime):
            v = v.isoformat()
        elif isinstance(v, datetime.date):
            v = v.isoformat()
        values.append(v)
    COLUMNS.append({"table": table, "column": column, "type": type_, "label": label, "why": why, "values": values})


P, S, N = "PERSONAL", "SENSITIVE", "NONE"
# customers (Latin names)
col("customers", "id", "BIGINT", N, "sequential id", iter(range(1, 10_000)).__next__)
col("customers", "email", "VARCHAR", P, "e-mail", with_nulls(email))
col("customers", "full_name", "VARCHAR", P, "kanji names", lambda: person_kanji())
col("customers", "phone", "VARCHAR", P, "JP mobiles", lambda: mobile(0))
col("customers", "birth_date", "DATE", P, "birth date by name and values", lambda: birth())
col("customers", "address", "TEXT", P, "JP address", lambda: address())
col("customers", "pc", "VARCHAR", P, "postal code, unmarked, address in the table", lambda: postal())
col("customers", "prefecture", "VARCHAR", N, "prefecture alone", lambda: R.choice(PREF))
col("customers", "is_active", "BOOLEAN", N, "boolean", lambda: R.random() < 0.8)
col("customers", "email_verified", "BOOLEAN", N, "boolean with an e-mail name", lambda: R.random() < 0.7)
col("customers", "created_at", "TIMESTAMP", N, "timestamps", recent_ts)
col("customers", "notes", "TEXT", P, "misleading name: phone numbers", mix((0.5, lambda: mobile(0)), (0.3, fixed), (0.2, lambda: mobile(1))))
col("customers", "field_7", "VARCHAR", P, "misleading name: e-mails", email)
col("customers", "phone_count", "INTEGER", N, "count with a phone name", lambda: R.randint(0, 3))
# 顧客 (Japanese names)
col("顧客", "顧客ID", "VARCHAR", N, "customer code", lambda: "C" + digits(7))
col("顧客", "氏名", "VARCHAR", P, "kanji names without space", lambda: person_kanji(False))
col("顧客", "フリガナ", "VARCHAR", P, "katakana readings", lambda: person_kana())
col("顧客", "ふりがな", "VARCHAR", P, "hiragana readings", lambda: person_kana(True))
col("顧客", "メールアドレス", "VARCHAR", P, "e-mail", email)
col("顧客", "携帯", "VARCHAR", P, "mobiles without hyphen", lambda: mobile(1))
col("顧客", "電話番号", "VARCHAR", P, "fixed lines", fixed)
col("顧客", "郵便番号", "VARCHAR", P, "marked postal codes", lambda: postal(True))
col("顧客", "住所", "TEXT", P, "JP address", lambda: address())
col("顧客", "生年月日", "VARCHAR", P, "birth dates as text", lambda: birth().strftime("%Y/%m/%d"))
col("顧客", "都道府県", "VARCHAR", N, "prefecture alone", lambda: R.choice(PREF))
col("顧客", "会員ランク", "VARCHAR", N, "tier", lambda: R.choice(["ゴールド", "シルバー", "ブロンズ", "一般"]))
col("顧客", "登録日時", "TIMESTAMP", N, "timestamps", recent_ts)
col("顧客", "メルマガ購読", "BOOLEAN", N, "boolean with a mail name", lambda: R.random() < 0.4)
col("顧客", "ﾌﾘｶﾞﾅ2", "VARCHAR", P, "half-width name (NFKC), katakana", lambda: person_kana())
col("顧客", "ｅｍａｉｌ", "VARCHAR", P, "full-width name (NFKC)", email)
col("顧客", "連絡先", "VARCHAR", P, "fixed lines and mobiles in full width", lambda: (fixed() if R.random() < 0.5 else mobile(0)).translate(str.maketrans("0123456789-", "０１２３４５６７８９－")))
# members (Latin)
col("members", "customer_name", "VARCHAR", P, "romaji names", lambda: person_romaji())
col("members", "first_name", "VARCHAR", P, "given names", lambda: R.choice(WFIRST + [g[2].capitalize() for g in GIV]))
col("members", "last_name", "VARCHAR", P, "family names", lambda: R.choice(WLAST + [s[2].capitalize() for s in SUR]))
col("members", "name", "VARCHAR", P, "western names in a plain 'name'", person_western)
col("members", "cardholder", "VARCHAR", P, "upper-case romaji names", lambda: person_romaji("family"))
col("members", "mobile", "VARCHAR", P, "half null mobiles", with_nulls(lambda: mobile(2), 0.5))
col("members", "tel", "VARCHAR", P, "international numbers", international)
col("members", "dob", "DATE", P, "birth date", lambda: birth(1950, 2005))
col("members", "zip", "VARCHAR", P, "postal codes", postal)
col("members", "ip_address", "VARCHAR", P, "IPv4", ipv4)
col("members", "client", "VARCHAR", P, "misleading name: IP addresses", mix((0.6, ipv4), (0.4, ipv6)))
col("members", "member_since", "DATE", N, "recent dates", recent_day)
col("members", "points", "INTEGER", N, "points", lambda: R.randint(0, 20000))
col("members", "username", "VARCHAR", P, "login names made of names", lambda: R.choice(GIV)[2] + "_" + R.choice(SUR)[2] + str(R.randint(1, 99)))
# payments
col("payments", "payment_id", "VARCHAR", N, "payment id", lambda: "PAY-" + digits(10))
col("payments", "card_number", "VARCHAR", P, "card numbers", lambda: card(True))
col("payments", "payment_ref", "BIGINT", P, "misleading name: card numbers as integers", lambda: int(card(False)))
col("payments", "my_number", "VARCHAR", P, "My Numbers", my_number)
col("payments", "個人番号", "VARCHAR", P, "My Numbers with spaces", lambda: my_number(1))
col("payments", "ref_no", "VARCHAR", P, "misleading name: My Numbers", my_number)
col("payments", "amount", "DECIMAL", N, "amounts", lambda: round(R.uniform(100, 50000), 2))
col("payments", "金額", "INTEGER", N, "amounts", lambda: R.randint(100, 100000))
col("payments", "paid_at", "TIMESTAMP", N, "timestamps", recent_ts)
col("payments", "tracking_number", "VARCHAR", N, "12-digit tracking numbers (random, some pass My Number's check)", lambda: digits(12))
col("payments", "auth_code", "VARCHAR", N, "6-digit codes", lambda: digits(6))
# orders / products
col("orders", "order_id", "VARCHAR", N, "order ids", lambda: "ORD-2024-%06d" % R.randint(1, 999999))
col("orders", "注文番号", "BIGINT", N, "12-digit order numbers", lambda: int(digits(12)))
col("orders", "order_date", "DATE", N, "recent dates", recent_day)
col("orders", "ship_date", "DATE", N, "recent dates", recent_day)
col("orders", "quantity", "INTEGER", N, "quantities", lambda: R.randint(1, 10))
col("orders", "status", "VARCHAR", N, "status", lambda: R.choice(["NEW", "PAID", "SHIPPED", "CANCELLED"]))
col("orders", "email_status", "VARCHAR", N, "delivery status of a mail", lambda: R.choice(["sent", "opened", "bounced", "queued"]))
col("orders", "shipping_address", "TEXT", P, "addresses with postal codes", lambda: address(True))
col("orders", "location", "TEXT", P, "misleading name: addresses", lambda: address())
col("orders", "備考", "TEXT", N, "free comments without PII", lambda: R.choice(COMMENTS_JA))
col("orders", "comment", "TEXT", N, "English comments", lambda: R.choice(["Please deliver in the morning", "Gift wrap, thanks", "No receipt", "Leave at the door", "", "Call before delivery"]))
col("orders", "更新日時", "TIMESTAMP", N, "timestamps", recent_ts)
col("products", "product_name", "VARCHAR", N, "English product names", lambda: R.choice(PRODUCTS_EN))
col("products", "商品名", "VARCHAR", N, "Japanese product names", lambda: R.choice(PRODUCTS_JA))
col("products", "title", "VARCHAR", N, "misleading name: product names", lambda: R.choice(PRODUCTS_EN + PRODUCTS_JA))
col("products", "sku", "VARCHAR", N, "SKUs", lambda: "SKU-" + digits(5))
col("products", "item_code", "VARCHAR", N, "JAN codes (13 digits with check digit)", jan)
col("products", "part_no", "VARCHAR", N, "NNN-NNNN part numbers, no address in the table", lambda: "%03d-%04d" % (R.randint(100, 999), R.randint(0, 9999)))
col("products", "price", "DOUBLE", N, "prices", lambda: round(R.uniform(100, 30000), 0))
col("products", "category", "VARCHAR", N, "categories", lambda: R.choice(["家電", "食品", "日用品", "衣料", "文具"]))
col("products", "color", "VARCHAR", N, "colors", lambda: R.choice(["black", "white", "navy", "red", "グレー"]))
col("products", "description", "TEXT", N, "descriptions", lambda: R.choice(DESCR_JA))
col("products", "version", "VARCHAR", N, "software versions", lambda: "%d.%d.%d" % (R.randint(1, 12), R.randint(0, 20), R.randint(0, 40)))
col("products", "in_stock", "BOOLEAN", N, "boolean", lambda: R.random() < 0.9)
col("products", "name", "VARCHAR", N, "a plain 'name' holding product names", lambda: R.choice(PRODUCTS_JA + PRODUCTS_EN))
col("products", "url", "VARCHAR", N, "URLs", lambda: "https://shop.example.com/p/" + digits(6))
# companies / stores
col("suppliers", "company_name", "VARCHAR", N, "company names", lambda: R.choice(["株式会社サンプル", "田中工業株式会社", "山田商店", "有限会社テスト製作所", "Example Trading Co., Ltd."]))
col("suppliers", "会社名", "VARCHAR", N, "company names", lambda: R.choice(["株式会社例示", "佐藤物産株式会社", "合同会社サンプル", "鈴木電機"]))
col("suppliers", "store_name", "VARCHAR", N, "store names", lambda: R.choice(["渋谷店", "梅田店", "博多駅前店", "札幌大通店"]))
col("suppliers", "city", "VARCHAR", N, "municipality alone", lambda: R.choice(CITY))
col("suppliers", "代表電話", "VARCHAR", P, "free dial and fixed lines", mix((0.6, freedial), (0.4, fixed)))
col("suppliers", "founded_year", "INTEGER", N, "years", lambda: R.randint(1950, 2020))
col("suppliers", "department", "VARCHAR", N, "departments", lambda: R.choice(["営業部", "経理部", "開発部", "総務部"]))
# staff
col("staff", "担当者名", "VARCHAR", P, "kanji names", person_kanji)
col("staff", "author", "VARCHAR", P, "misleading name: kanji names", lambda: person_kanji(False))
col("staff", "owner", "VARCHAR", P, "misleading name: western names", person_western)
col("staff", "名前", "VARCHAR", P, "names in a plain 名前", lambda: person_kanji(R.random() < 0.5))
col("staff", "d1", "DATE", P, "misleading name: birth dates", lambda: birth(1955, 2004))
col("staff", "hire_date", "DATE", N, "recent hire dates", lambda: birth(2010, 2024))
col("staff", "birthday", "TIMESTAMP", P, "birth dates at midnight", lambda: datetime.datetime.combine(birth(), datetime.time()))
col("staff", "score", "INTEGER", N, "scores", lambda: R.randint(0, 100))
col("staff", "file_name", "VARCHAR", N, "file names", lambda: "report_%d.pdf" % R.randint(1, 999))
col("staff", "session_id", "VARCHAR", N, "hex ids", lambda: "%032x" % R.getrandbits(128))
# patients (special categories)
col("patients", "病歴", "TEXT", S, "medical history", lambda: R.choice(DISEASES_JA))
col("patients", "既往歴", "TEXT", S, "medical history", lambda: "、".join(R.sample(DISEASES_JA, 2)))
col("patients", "diagnosis", "VARCHAR", S, "diagnoses", lambda: R.choice(DISEASES_EN))
col("patients", "診断名", "VARCHAR", S, "diagnoses", lambda: R.choice(DISEASES_JA))
col("patients", "health_status", "VARCHAR", S, "health", lambda: R.choice(["good", "fair", "poor"]))
col("patients", "memo", "TEXT", S, "misleading name: diagnoses", lambda: R.choice(DISEASES_JA))
col("patients", "has_diabetes", "BOOLEAN", S, "health flag", lambda: R.random() < 0.1)
col("patients", "allergy", "TEXT", S, "allergies", lambda: R.choice(["卵", "小麦", "そば", "えび", "なし"]))
col("patients", "religion", "VARCHAR", S, "religion", lambda: R.choice(["仏教", "キリスト教", "神道", "なし", "イスラム教"]))
col("patients", "criminal_record", "BOOLEAN", S, "criminal record", lambda: R.random() < 0.05)
col("patients", "visit_count", "INTEGER", N, "counts", lambda: R.randint(1, 30))
col("patients", "ward", "VARCHAR", N, "ward names", lambda: R.choice(["東病棟", "西病棟", "南病棟"]))

# harder cases: mixed contents, PII inside free text, look-alikes of names
col("inquiries", "contact", "TEXT", P, "mixed e-mails and phone numbers", mix((0.4, email), (0.4, lambda: mobile(0)), (0.2, lambda: "")))
col("inquiries", "remarks", "TEXT", P, "free text, a quarter with a phone number or e-mail in it", mix(
    (0.15, lambda: "折り返しは " + mobile(0) + " までお願いします"), (0.1, lambda: "連絡先: " + email()),
    (0.75, lambda: R.choice(COMMENTS_JA))))
col("inquiries", "emergency_contact", "VARCHAR", P, "a name and a phone number", lambda: person_kanji() + " " + mobile(0))
col("inquiries", "name", "VARCHAR", P, "names in kanji, kana and Latin", mix((0.4, person_kanji), (0.3, person_kana), (0.3, person_western)))
col("inquiries", "tags", "VARCHAR", N, "katakana tags separated by a space", lambda: R.choice(["セール", "ギフト", "ポイント", "クーポン", "キャンペーン"]) + " " + R.choice(["アウトレット", "ニュース", "イベント", "レビュー"]))
col("inquiries", "received_at", "TIMESTAMP", N, "timestamps", recent_ts)
col("menu", "menu_item", "VARCHAR", N, "dish names in romaji", lambda: R.choice(["Kinoko Soba", "Umami Ramen", "Sake Onigiri", "Tamago Sando", "Yakitori Set", "Miso Udon", "Matcha Parfait"]))
col("menu", "price_yen", "INTEGER", N, "prices", lambda: R.randint(300, 2000))
col("menu", "kana", "VARCHAR", N, "dish names in katakana", lambda: R.choice(["キノコソバ", "ミソウドン", "タマゴサンド", "ヤキトリ"]))
col("applicants", "生年月日", "INTEGER", P, "birth dates as yyyymmdd integers", lambda: int(birth().strftime("%Y%m%d")))
col("applicants", "applicant_name", "VARCHAR", P, "romaji names, family name first", lambda: person_romaji("family"))
col("applicants", "score_date", "DATE", N, "recent dates", recent_day)

for c in COLUMNS:
    print(json.dumps(c, ensure_ascii=False))
