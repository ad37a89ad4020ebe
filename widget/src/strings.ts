/**
 * The widget's UI strings: one `|`-separated row per language, in the order of the S enum. Rows and
 * enum indices (esbuild inlines them) keep the bundle small: no key name is shipped even once.
 * strings.test.ts proves every row has every key and keeps the `{t}` placeholders.
 */
export enum S {
  title,
  close,
  send,
  input,
  attach,
  online,
  away,
  replyBy,
  backAt,
  hours,
  typing,
  email,
  name,
  phone,
  message,
  thanks,
  reconnect,
  rate_limited,
  message_too_long,
  blocked,
  too_large,
  error,
}

/** Languages written right to left. */
export const RTL = ['ar', 'he', 'fa', 'ur'];

export const TABLE: Record<string, string> = {
  en: `Chat with us|Close chat|Send|Write a message…|Attach a file|We're online|We're away right now|We usually reply by {t}|Back at {t}|Open today {t}|Typing…|E-mail|Name|Phone|Message|Thanks! We'll reply to you by e-mail.|Reconnecting…|Please wait a moment.|Your message is too long.|This chat is not available.|The file is too large.|Something went wrong.`,
  de: `Chatten Sie mit uns|Chat schließen|Senden|Nachricht schreiben…|Datei anhängen|Wir sind online|Wir sind gerade nicht da|Wir antworten meist bis {t}|Wieder da: {t}|Heute geöffnet: {t}|Schreibt…|E-Mail|Name|Telefon|Nachricht|Danke! Wir antworten Ihnen per E-Mail.|Verbinde neu…|Bitte warten Sie einen Moment.|Ihre Nachricht ist zu lang.|Dieser Chat ist nicht verfügbar.|Die Datei ist zu groß.|Etwas ist schiefgelaufen.`,
  fr: `Discutez avec nous|Fermer le chat|Envoyer|Écrivez un message…|Joindre un fichier|Nous sommes en ligne|Nous sommes absents pour le moment|Réponse habituelle avant {t}|De retour : {t}|Ouvert aujourd'hui : {t}|En train d'écrire…|E-mail|Nom|Téléphone|Message|Merci ! Nous vous répondrons par e-mail.|Reconnexion…|Veuillez patienter un instant.|Votre message est trop long.|Ce chat n'est pas disponible.|Le fichier est trop volumineux.|Une erreur est survenue.`,
  es: `Chatea con nosotros|Cerrar chat|Enviar|Escribe un mensaje…|Adjuntar archivo|Estamos en línea|Ahora no estamos disponibles|Solemos responder antes de {t}|Volvemos: {t}|Abierto hoy: {t}|Escribiendo…|Correo electrónico|Nombre|Teléfono|Mensaje|¡Gracias! Te responderemos por correo electrónico.|Reconectando…|Espera un momento.|Tu mensaje es demasiado largo.|Este chat no está disponible.|El archivo es demasiado grande.|Algo salió mal.`,
  pt: `Fale connosco|Fechar chat|Enviar|Escreva uma mensagem…|Anexar ficheiro|Estamos online|De momento não estamos disponíveis|Normalmente respondemos até {t}|Voltamos: {t}|Aberto hoje: {t}|A escrever…|E-mail|Nome|Telefone|Mensagem|Obrigado! Responderemos por e-mail.|A restabelecer ligação…|Aguarde um momento.|A sua mensagem é demasiado longa.|Este chat não está disponível.|O ficheiro é demasiado grande.|Ocorreu um erro.`,
  'pt-BR': `Fale com a gente|Fechar chat|Enviar|Digite uma mensagem…|Anexar arquivo|Estamos online|No momento não estamos disponíveis|Costumamos responder até {t}|Voltamos: {t}|Aberto hoje: {t}|Digitando…|E-mail|Nome|Telefone|Mensagem|Obrigado! Responderemos por e-mail.|Reconectando…|Aguarde um momento.|Sua mensagem é muito longa.|Este chat não está disponível.|O arquivo é muito grande.|Algo deu errado.`,
  it: `Chatta con noi|Chiudi chat|Invia|Scrivi un messaggio…|Allega un file|Siamo online|Al momento non siamo disponibili|Di solito rispondiamo entro le {t}|Torniamo: {t}|Aperto oggi: {t}|Sta scrivendo…|E-mail|Nome|Telefono|Messaggio|Grazie! Ti risponderemo via e-mail.|Riconnessione…|Attendi un momento.|Il messaggio è troppo lungo.|Questa chat non è disponibile.|Il file è troppo grande.|Si è verificato un errore.`,
  nl: `Chat met ons|Chat sluiten|Versturen|Typ een bericht…|Bestand bijvoegen|We zijn online|We zijn nu niet bereikbaar|We antwoorden meestal vóór {t}|Terug: {t}|Vandaag open: {t}|Typt…|E-mail|Naam|Telefoon|Bericht|Bedankt! We antwoorden je per e-mail.|Opnieuw verbinden…|Wacht even.|Je bericht is te lang.|Deze chat is niet beschikbaar.|Het bestand is te groot.|Er ging iets mis.`,
  pl: `Czat z nami|Zamknij czat|Wyślij|Napisz wiadomość…|Załącz plik|Jesteśmy online|Teraz nas nie ma|Zwykle odpowiadamy do {t}|Wracamy: {t}|Dziś otwarte: {t}|Pisze…|E-mail|Imię|Telefon|Wiadomość|Dziękujemy! Odpowiemy e-mailem.|Ponowne łączenie…|Poczekaj chwilę.|Wiadomość jest za długa.|Ten czat jest niedostępny.|Plik jest za duży.|Coś poszło nie tak.`,
  ru: `Чат с нами|Закрыть чат|Отправить|Напишите сообщение…|Прикрепить файл|Мы на связи|Сейчас нас нет на месте|Обычно отвечаем до {t}|Вернёмся: {t}|Сегодня открыто: {t}|Печатает…|E-mail|Имя|Телефон|Сообщение|Спасибо! Мы ответим вам по e-mail.|Переподключение…|Подождите немного.|Сообщение слишком длинное.|Этот чат недоступен.|Файл слишком большой.|Что-то пошло не так.`,
  uk: `Чат з нами|Закрити чат|Надіслати|Напишіть повідомлення…|Прикріпити файл|Ми на зв'язку|Зараз нас немає|Зазвичай відповідаємо до {t}|Повернемося: {t}|Сьогодні відкрито: {t}|Друкує…|Ел. пошта|Ім'я|Телефон|Повідомлення|Дякуємо! Ми відповімо електронною поштою.|Повторне з'єднання…|Зачекайте трохи.|Повідомлення задовге.|Цей чат недоступний.|Файл завеликий.|Щось пішло не так.`,
  tr: `Bizimle sohbet edin|Sohbeti kapat|Gönder|Bir mesaj yazın…|Dosya ekle|Çevrimiçiyiz|Şu anda uzaktayız|Genellikle en geç {t} yanıt veririz|Dönüş: {t}|Bugün açık: {t}|Yazıyor…|E-posta|Ad|Telefon|Mesaj|Teşekkürler! Size e-postayla yanıt vereceğiz.|Yeniden bağlanıyor…|Lütfen biraz bekleyin.|Mesajınız çok uzun.|Bu sohbet kullanılamıyor.|Dosya çok büyük.|Bir sorun oluştu.`,
  ar: `تحدث معنا|إغلاق الدردشة|إرسال|اكتب رسالة…|إرفاق ملف|نحن متصلون الآن|لسنا متاحين الآن|نرد عادةً بحلول {t}|نعود: {t}|مفتوح اليوم: {t}|يكتب…|البريد الإلكتروني|الاسم|الهاتف|الرسالة|شكرًا! سنرد عليك بالبريد الإلكتروني.|جارٍ إعادة الاتصال…|يرجى الانتظار قليلًا.|رسالتك طويلة جدًا.|هذه الدردشة غير متاحة.|الملف كبير جدًا.|حدث خطأ ما.`,
  he: `שוחחו איתנו|סגירת הצ'אט|שליחה|כתבו הודעה…|צירוף קובץ|אנחנו מחוברים|אנחנו לא זמינים כרגע|בדרך כלל נענה עד {t}|נחזור: {t}|פתוח היום: {t}|מקליד…|דוא"ל|שם|טלפון|הודעה|תודה! נענה לכם בדוא"ל.|מתחבר מחדש…|נא להמתין רגע.|ההודעה ארוכה מדי.|הצ'אט הזה אינו זמין.|הקובץ גדול מדי.|משהו השתבש.`,
  fa: `با ما گفتگو کنید|بستن گفتگو|ارسال|پیامی بنویسید…|پیوست فایل|ما آنلاین هستیم|در حال حاضر در دسترس نیستیم|معمولاً تا {t} پاسخ می‌دهیم|بازگشت: {t}|ساعات کاری امروز: {t}|در حال نوشتن…|ایمیل|نام|تلفن|پیام|سپاس! از طریق ایمیل پاسخ خواهیم داد.|در حال اتصال دوباره…|لطفاً کمی صبر کنید.|پیام شما بیش از حد طولانی است.|این گفتگو در دسترس نیست.|فایل بیش از حد بزرگ است.|مشکلی پیش آمد.`,
  ur: `ہم سے چیٹ کریں|چیٹ بند کریں|بھیجیں|پیغام لکھیں…|فائل منسلک کریں|ہم آن لائن ہیں|ہم ابھی دستیاب نہیں ہیں|ہم عموماً {t} تک جواب دیتے ہیں|واپسی: {t}|آج کھلا ہے: {t}|لکھ رہے ہیں…|ای میل|نام|فون|پیغام|شکریہ! ہم آپ کو ای میل کے ذریعے جواب دیں گے۔|دوبارہ جڑ رہے ہیں…|براہ کرم تھوڑا انتظار کریں۔|آپ کا پیغام بہت لمبا ہے۔|یہ چیٹ دستیاب نہیں ہے۔|فائل بہت بڑی ہے۔|کچھ غلط ہو گیا۔`,
  hi: `हमसे चैट करें|चैट बंद करें|भेजें|संदेश लिखें…|फ़ाइल संलग्न करें|हम ऑनलाइन हैं|हम अभी उपलब्ध नहीं हैं|हम आमतौर पर {t} तक जवाब देते हैं|वापसी: {t}|आज खुला: {t}|लिख रहे हैं…|ईमेल|नाम|फ़ोन|संदेश|धन्यवाद! हम आपको ईमेल से जवाब देंगे।|फिर से जुड़ रहे हैं…|कृपया थोड़ा रुकें।|आपका संदेश बहुत लंबा है।|यह चैट उपलब्ध नहीं है।|फ़ाइल बहुत बड़ी है।|कुछ गलत हो गया।`,
  ja: `チャットで問い合わせ|チャットを閉じる|送信|メッセージを入力…|ファイルを添付|オンラインです|ただいま対応時間外です|通常{t}までに返信します|再開: {t}|本日の営業時間: {t}|入力中…|メールアドレス|お名前|電話番号|メッセージ|ありがとうございます。メールで返信いたします。|再接続中…|しばらくお待ちください。|メッセージが長すぎます。|このチャットはご利用いただけません。|ファイルが大きすぎます。|エラーが発生しました。`,
  ko: `채팅 상담|채팅 닫기|보내기|메시지를 입력하세요…|파일 첨부|지금 상담 가능합니다|지금은 부재 중입니다|보통 {t}까지 답변드립니다|다시 시작: {t}|오늘 운영 시간: {t}|입력 중…|이메일|이름|전화번호|메시지|감사합니다! 이메일로 답변드리겠습니다.|다시 연결 중…|잠시 기다려 주세요.|메시지가 너무 깁니다.|이 채팅은 사용할 수 없습니다.|파일이 너무 큽니다.|문제가 발생했습니다.`,
  'zh-Hans': `在线咨询|关闭聊天|发送|输入消息…|添加附件|我们在线|我们暂时不在|通常在{t}前回复|恢复服务：{t}|今日营业时间：{t}|正在输入…|电子邮箱|姓名|电话|留言|谢谢！我们将通过邮件回复您。|正在重新连接…|消息过多，请稍候。|消息太长。|此聊天不可用。|文件太大。|出错了，请重试。`,
  'zh-Hant': `線上諮詢|關閉聊天|傳送|輸入訊息…|新增附件|我們在線上|我們暫時不在|通常在{t}前回覆|恢復服務：{t}|今日營業時間：{t}|正在輸入…|電子郵件|姓名|電話|留言|謝謝！我們將透過電子郵件回覆您。|正在重新連線…|訊息過多，請稍候。|訊息太長。|此聊天無法使用。|檔案太大。|發生錯誤，請重試。`,
  th: `แชทกับเรา|ปิดแชท|ส่ง|พิมพ์ข้อความ…|แนบไฟล์|เราออนไลน์อยู่|ขณะนี้เราไม่อยู่|ปกติเราตอบกลับภายใน {t}|กลับมา: {t}|เปิดวันนี้: {t}|กำลังพิมพ์…|อีเมล|ชื่อ|โทรศัพท์|ข้อความ|ขอบคุณ! เราจะตอบกลับทางอีเมล|กำลังเชื่อมต่อใหม่…|ข้อความมากเกินไป โปรดรอสักครู่|ข้อความยาวเกินไป|แชทนี้ไม่พร้อมใช้งาน|ไฟล์ใหญ่เกินไป|เกิดข้อผิดพลาด โปรดลองอีกครั้ง`,
  vi: `Trò chuyện với chúng tôi|Đóng trò chuyện|Gửi|Nhập tin nhắn…|Đính kèm tệp|Chúng tôi đang trực tuyến|Hiện chúng tôi không có mặt|Chúng tôi thường trả lời trước {t}|Trở lại: {t}|Mở cửa hôm nay: {t}|Đang nhập…|Email|Tên|Điện thoại|Tin nhắn|Cảm ơn! Chúng tôi sẽ trả lời bạn qua email.|Đang kết nối lại…|Vui lòng đợi một chút.|Tin nhắn quá dài.|Cuộc trò chuyện này không khả dụng.|Tệp quá lớn.|Đã xảy ra lỗi.`,
  id: `Chat dengan kami|Tutup chat|Kirim|Tulis pesan…|Lampirkan file|Kami sedang online|Kami sedang tidak tersedia|Kami biasanya membalas sebelum {t}|Kembali: {t}|Buka hari ini: {t}|Mengetik…|Email|Nama|Telepon|Pesan|Terima kasih! Kami akan membalas lewat email.|Menghubungkan ulang…|Mohon tunggu sebentar.|Pesan Anda terlalu panjang.|Chat ini tidak tersedia.|File terlalu besar.|Terjadi kesalahan.`,
  sv: `Chatta med oss|Stäng chatten|Skicka|Skriv ett meddelande…|Bifoga fil|Vi är online|Vi är inte här just nu|Vi svarar oftast före {t}|Tillbaka: {t}|Öppet i dag: {t}|Skriver…|E-post|Namn|Telefon|Meddelande|Tack! Vi svarar dig via e-post.|Återansluter…|Vänta en stund.|Meddelandet är för långt.|Den här chatten är inte tillgänglig.|Filen är för stor.|Något gick fel.`,
  da: `Chat med os|Luk chat|Send|Skriv en besked…|Vedhæft fil|Vi er online|Vi er væk lige nu|Vi svarer som regel inden {t}|Tilbage: {t}|Åbent i dag: {t}|Skriver…|E-mail|Navn|Telefon|Besked|Tak! Vi svarer dig via e-mail.|Genopretter forbindelse…|Vent et øjeblik.|Din besked er for lang.|Denne chat er ikke tilgængelig.|Filen er for stor.|Noget gik galt.`,
  fi: `Keskustele kanssamme|Sulje keskustelu|Lähetä|Kirjoita viesti…|Liitä tiedosto|Olemme paikalla|Emme ole nyt paikalla|Vastaamme yleensä viimeistään {t}|Palaamme: {t}|Avoinna tänään: {t}|Kirjoittaa…|Sähköposti|Nimi|Puhelin|Viesti|Kiitos! Vastaamme sinulle sähköpostilla.|Yhdistetään uudelleen…|Odota hetki.|Viestisi on liian pitkä.|Tämä keskustelu ei ole käytettävissä.|Tiedosto on liian suuri.|Jokin meni vikaan.`,
  nb: `Chat med oss|Lukk chatten|Send|Skriv en melding…|Legg ved fil|Vi er på nett|Vi er ikke til stede nå|Vi svarer vanligvis innen {t}|Tilbake: {t}|Åpent i dag: {t}|Skriver…|E-post|Navn|Telefon|Melding|Takk! Vi svarer deg på e-post.|Kobler til på nytt…|Vent litt.|Meldingen er for lang.|Denne chatten er ikke tilgjengelig.|Filen er for stor.|Noe gikk galt.`,
  cs: `Napište nám|Zavřít chat|Odeslat|Napište zprávu…|Přiložit soubor|Jsme online|Momentálně nejsme k dispozici|Obvykle odpovídáme do {t}|Zpět: {t}|Dnes otevřeno: {t}|Píše…|E-mail|Jméno|Telefon|Zpráva|Děkujeme! Odpovíme vám e-mailem.|Obnovování spojení…|Chvíli počkejte.|Zpráva je příliš dlouhá.|Tento chat není dostupný.|Soubor je příliš velký.|Něco se pokazilo.`,
  el: `Συνομιλήστε μαζί μας|Κλείσιμο συνομιλίας|Αποστολή|Γράψτε ένα μήνυμα…|Επισύναψη αρχείου|Είμαστε συνδεδεμένοι|Αυτή τη στιγμή απουσιάζουμε|Συνήθως απαντάμε έως {t}|Επιστρέφουμε: {t}|Ανοιχτά σήμερα: {t}|Πληκτρολογεί…|Email|Όνομα|Τηλέφωνο|Μήνυμα|Ευχαριστούμε! Θα σας απαντήσουμε με email.|Επανασύνδεση…|Περιμένετε λίγο.|Το μήνυμα είναι πολύ μεγάλο.|Αυτή η συνομιλία δεν είναι διαθέσιμη.|Το αρχείο είναι πολύ μεγάλο.|Κάτι πήγε στραβά.`,
  ro: `Discută cu noi|Închide chatul|Trimite|Scrie un mesaj…|Atașează un fișier|Suntem online|Momentan nu suntem disponibili|De obicei răspundem până la {t}|Revenim: {t}|Deschis azi: {t}|Scrie…|E-mail|Nume|Telefon|Mesaj|Mulțumim! Îți vom răspunde prin e-mail.|Se reconectează…|Te rugăm să aștepți puțin.|Mesajul este prea lung.|Acest chat nu este disponibil.|Fișierul este prea mare.|Ceva nu a funcționat.`,
  hu: `Csevegjen velünk|Csevegés bezárása|Küldés|Írjon üzenetet…|Fájl csatolása|Elérhetők vagyunk|Most nem vagyunk elérhetők|Általában {t}-ig válaszolunk|Újra elérhetők: {t}|Ma nyitva: {t}|Ír…|E-mail|Név|Telefon|Üzenet|Köszönjük! E-mailben válaszolunk.|Újracsatlakozás…|Kérjük, várjon egy kicsit.|Az üzenet túl hosszú.|Ez a csevegés nem érhető el.|A fájl túl nagy.|Hiba történt.`,
};
