// The packet report's wording, one table per language (the report language is chosen per packet:
// `--report-lang`). Every sentence the report says is in these tables; report-html.ts only
// arranges them. English, and the shape of a table, are in report-words-en.ts.
import { en, str, type ReportWords } from './report-words-en.ts';

export type { ReportWords } from './report-words-en.ts';

export const reportLangs = ['en', 'ar', 'fa', 'ru'] as const;
export type ReportLang = (typeof reportLangs)[number];

export const isReportLang = (s: string): s is ReportLang =>
  (reportLangs as readonly string[]).includes(s);

export const isRtl = (lang: ReportLang) => lang === 'ar' || lang === 'fa';

const ar: ReportWords = {
  ...en,
  title: 'حزمة أدلة',
  lede: (tool) =>
    `أُعدّت باستخدام ${tool}. الملفات والبصمات وسجلات الحفظ في هذه الحزمة موقّعة؛ تشرح الصفحات الأخيرة كيفية التحقق منها.`,
  agency: 'الجهة',
  reference: 'المرجع',
  caseTitle: 'القضية',
  kind: 'نوع القضية',
  emergency: 'طارئة',
  externalRefs: 'مراجع خارجية',
  caseOpened: 'فُتحت القضية',
  preparedBy: 'أعدّها',
  preparedAt: 'وقت الإعداد',
  packetId: 'رقم الحزمة',
  items: 'العناصر',
  originals: 'الملفات الأصلية',
  originalsYes: 'مضمّنة في المجلد evidence/',
  originalsNo: 'غير مضمّنة (البصمات فقط)',
  fingerprint: 'بصمة مفتاح التوقيع (SHA-256)',
  summary: 'الملخّص',
  itemCount: (n, size) => `عدد العناصر ${n}، والحجم الكلي ${size}.`,
  byCategory: 'حسب الفئة',
  bySeverity: 'حسب الخطورة',
  byKind: 'حسب نوع الملف',
  count: 'العناصر',
  uncategorised: 'غير مصنّف',
  noSeverity: 'غير مقيّم',
  severity: { 1: 'حرجة', 2: 'عالية', 3: 'متوسطة', 4: 'منخفضة', 5: 'ضئيلة' },
  kinds: {
    'child-safety': 'سلامة الأطفال',
    terrorism: 'الإرهاب أو التطرف العنيف',
    'threat-of-violence': 'تهديد بالعنف',
    'self-harm': 'إيذاء النفس',
    harassment: 'التحرش',
    disinformation: 'التضليل',
    doxxing: 'كشف المعلومات الشخصية',
    other: 'أخرى',
  },
  itemKinds: { image: 'صورة', opaque: 'ملف آخر' },
  caseNotes: 'ملاحظات القضية',
  itemTable: 'العناصر والبصمات',
  file: 'الملف',
  type: 'النوع',
  category: 'الفئة',
  severityLabel: 'الخطورة',
  hashes: 'البصمات',
  detailPages: 'عناصر عليها ملاحظات',
  notes: 'ملاحظات',
  foundIn: 'وُجد داخل',
  textFile: 'نصّه',
  acquired: 'الاستحواذ',
  camera: 'الكاميرا',
  captured: 'وقت الالتقاط (حسب بيانات الملف)',
  gps: 'الموقع (حسب بيانات الملف)',
  tags: 'الوسوم',
  history: 'سجل الحفظ',
  caseHistory: 'سجل حفظ القضية',
  noEntries: 'لا توجد قيود.',
  time: 'الوقت',
  local: 'محلي',
  appendix: 'ملحق: المعرّفات وقيود الحفظ الخام',
  appendixLede: 'معرّفات Custody وكل قيد حفظ كما يحفظه السجل الموقّع.',
  idsTitle: 'المعرّفات',
  rawEntries: 'قيود الحفظ الخام',
  verifyTitle: 'التحقق من هذه الحزمة',
  sentence: (action, who, d) => {
    switch (action) {
      case 'item.ingested':
        return `استحوذ عليه ${who}.`;
      case 'item.unveiled':
        return `كُشف حتى ${str(d['step'])} لمدة ${str(d['seconds'])} ث بواسطة ${who}.`;
      case 'item.veiled':
        return 'أُعيد حجبه.';
      case 'item.categorised':
        return `صنّفه ${who}.`;
      case 'case.created':
        return `فتح القضية ${who}.`;
      case 'packet.exported':
        return `صدّره ${who} في حزمة.`;
      default:
        return `${action} — ${who}.`;
    }
  },
};

const fa: ReportWords = {
  ...en,
  title: 'بستهٔ شواهد',
  lede: (tool) =>
    `با ${tool} آماده شده است. پرونده‌ها، چکیده‌ها و سوابق نگهداری این بسته امضا شده‌اند؛ صفحه‌های آخر روش بررسی را می‌گویند.`,
  agency: 'نهاد',
  reference: 'شمارهٔ ارجاع',
  caseTitle: 'پرونده',
  kind: 'نوع پرونده',
  emergency: 'فوری',
  externalRefs: 'ارجاع‌های بیرونی',
  caseOpened: 'گشایش پرونده',
  preparedBy: 'تهیه‌کننده',
  preparedAt: 'زمان تهیه',
  packetId: 'شمارهٔ بسته',
  items: 'موارد',
  originals: 'پرونده‌های اصلی',
  originalsYes: 'در پوشهٔ evidence/ گنجانده شده‌اند',
  originalsNo: 'گنجانده نشده‌اند (فقط چکیده‌ها)',
  fingerprint: 'اثر انگشت کلید امضا (SHA-256)',
  summary: 'خلاصه',
  itemCount: (n, size) => `${n} مورد، در مجموع ${size}.`,
  byCategory: 'بر پایهٔ دسته',
  bySeverity: 'بر پایهٔ شدت',
  byKind: 'بر پایهٔ نوع پرونده',
  count: 'موارد',
  uncategorised: 'دسته‌بندی‌نشده',
  noSeverity: 'بی‌درجه',
  severity: { 1: 'بحرانی', 2: 'زیاد', 3: 'متوسط', 4: 'کم', 5: 'ناچیز' },
  kinds: {
    'child-safety': 'ایمنی کودکان',
    terrorism: 'تروریسم یا افراط‌گرایی خشونت‌آمیز',
    'threat-of-violence': 'تهدید به خشونت',
    'self-harm': 'آسیب به خود',
    harassment: 'آزار',
    disinformation: 'اطلاعات نادرست',
    doxxing: 'افشای اطلاعات شخصی',
    other: 'دیگر',
  },
  itemKinds: { image: 'تصویر', opaque: 'پروندهٔ دیگر' },
  caseNotes: 'یادداشت‌های پرونده',
  itemTable: 'موارد و چکیده‌ها',
  file: 'پرونده',
  type: 'نوع',
  category: 'دسته',
  severityLabel: 'شدت',
  hashes: 'چکیده‌ها',
  detailPages: 'موارد دارای یادداشت',
  notes: 'یادداشت‌ها',
  foundIn: 'یافته‌شده درون',
  textFile: 'متن آن',
  acquired: 'دریافت',
  camera: 'دوربین',
  captured: 'زمان گرفتن (به گفتهٔ فرادادهٔ پرونده)',
  gps: 'مکان (به گفتهٔ فرادادهٔ پرونده)',
  tags: 'برچسب‌ها',
  history: 'سابقهٔ نگهداری',
  caseHistory: 'سابقهٔ نگهداری پرونده',
  noEntries: 'ثبتی نیست.',
  time: 'زمان',
  local: 'محلی',
  appendix: 'پیوست: شناسه‌ها و ثبت‌های خام نگهداری',
  appendixLede: 'شناسه‌های Custody و هر ثبت نگهداری چنان‌که گزارش امضاشده نگه می‌دارد.',
  idsTitle: 'شناسه‌ها',
  rawEntries: 'ثبت‌های خام نگهداری',
  verifyTitle: 'بررسی این بسته',
  sentence: (action, who, d) => {
    switch (action) {
      case 'item.ingested':
        return `${who} آن را دریافت کرد.`;
      case 'item.unveiled':
        return `${who} آن را تا ${str(d['step'])} به مدت ${str(d['seconds'])} ثانیه آشکار کرد.`;
      case 'item.veiled':
        return 'دوباره پوشانده شد.';
      case 'item.categorised':
        return `${who} آن را دسته‌بندی کرد.`;
      case 'case.created':
        return `${who} پرونده را گشود.`;
      case 'packet.exported':
        return `${who} آن را در بسته‌ای صادر کرد.`;
      default:
        return `${action} — ${who}.`;
    }
  },
};

const ru: ReportWords = {
  ...en,
  title: 'Пакет доказательств',
  lede: (tool) =>
    `Подготовлено в ${tool}. Файлы, хеши и записи о хранении в этом пакете подписаны; как их проверить, сказано на последних страницах.`,
  agency: 'Ведомство',
  reference: 'Номер обращения',
  caseTitle: 'Дело',
  kind: 'Вид дела',
  emergency: 'срочно',
  externalRefs: 'Внешние ссылки',
  caseOpened: 'Дело открыто',
  preparedBy: 'Подготовил',
  preparedAt: 'Подготовлено',
  packetId: 'Номер пакета',
  items: 'Материалы',
  originals: 'Исходные файлы',
  originalsYes: 'включены, в папке evidence/',
  originalsNo: 'не включены (только хеши)',
  fingerprint: 'Отпечаток ключа подписи (SHA-256)',
  summary: 'Сводка',
  itemCount: (n, size) => `Материалов: ${n}, всего ${size}.`,
  byCategory: 'По категориям',
  bySeverity: 'По тяжести',
  byKind: 'По виду файла',
  count: 'Материалов',
  uncategorised: 'Без категории',
  noSeverity: 'Без оценки',
  severity: { 1: 'Критическая', 2: 'Высокая', 3: 'Средняя', 4: 'Низкая', 5: 'Минимальная' },
  kinds: {
    'child-safety': 'Безопасность детей',
    terrorism: 'Терроризм или насильственный экстремизм',
    'threat-of-violence': 'Угроза насилием',
    'self-harm': 'Самоповреждение',
    harassment: 'Травля',
    disinformation: 'Дезинформация',
    doxxing: 'Доксинг',
    other: 'Другое',
  },
  itemKinds: { image: 'Изображение', opaque: 'Другой файл' },
  caseNotes: 'Заметки по делу',
  itemTable: 'Материалы и хеши',
  file: 'Файл',
  type: 'Тип',
  category: 'Категория',
  severityLabel: 'Тяжесть',
  hashes: 'Хеши',
  detailPages: 'Материалы с заметками',
  notes: 'Заметки',
  foundIn: 'Найден внутри',
  textFile: 'Его текст',
  acquired: 'Получено',
  camera: 'Камера',
  captured: 'Снято (по метаданным файла)',
  gps: 'GPS (по метаданным файла)',
  tags: 'Метки',
  history: 'История хранения',
  caseHistory: 'История хранения дела',
  noEntries: 'Записей нет.',
  time: 'Время',
  local: 'местное',
  appendix: 'Приложение: идентификаторы и исходные записи журнала',
  appendixLede:
    'Идентификаторы Custody и каждая запись журнала хранения в том виде, в каком её держит подписанный журнал.',
  idsTitle: 'Идентификаторы',
  rawEntries: 'Исходные записи журнала',
  verifyTitle: 'Проверка пакета',
  sentence: (action, who, d) => {
    switch (action) {
      case 'item.ingested':
        return `Получено: ${who}.`;
      case 'item.unveiled':
        return `Открыто до уровня ${str(d['step'])} на ${str(d['seconds'])} с: ${who}.`;
      case 'item.veiled':
        return 'Снова скрыто.';
      case 'item.categorised':
        return `Оценено: ${who}.`;
      case 'case.created':
        return `Дело открыл(а) ${who}.`;
      case 'packet.exported':
        return `Выгружено в пакет: ${who}.`;
      default:
        return `${action}: ${who}.`;
    }
  },
};

export const reportWords: Record<ReportLang, ReportWords> = { en, ar, fa, ru };
