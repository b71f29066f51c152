// كلمات الملخص بالعربية (المفاتيح والمتغيرات كما في en.ts). الأعداد المعدودة بفئات الجمع العربية
// الست، والجمل الاسمية حيث يصعب تطابق الفعل مع العدد.
import type { SummaryCatalogue } from './en.js';

const people = (name: string) =>
  `{${name}, plural, zero {لا أحد} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}`;
const ANSWERS =
  '{n, plural, zero {لا إجابات} one {إجابة واحدة} two {إجابتان} few {# إجابات} many {# إجابة} other {# إجابة}}';

const ar: SummaryCatalogue = {
  'page.title': 'ملخص الشمول',
  'page.loading': 'جارٍ تحميل الملخص…',
  'page.waiting.title': 'يأتي الملخص بعد انتهاء الجلسة',
  'page.waiting.auto': 'تعرضه هذه الصفحة تلقائيًا فور جاهزيته.',
  'page.none.title': 'لا يوجد ملخص لعرضه',
  'page.error.title': 'لم يُحمَّل الملخص',
  'page.error.auto': 'سيعيد Roundtable المحاولة تلقائيًا بعد قليل.',
  'page.retry': 'إعادة المحاولة',

  'report.nobody': 'لم يُحتسب أحد في هذا الاجتماع، فلا يوجد ما يُلخَّص.',
  'report.protected': 'شارك أقل من {k, number} أشخاص، لذا تُعرض الأعداد فقط حمايةً لخصوصية الجميع.',
  'report.when': '{date} · {length}',
  'report.underMinute': 'أقل من دقيقة',
  'report.dateUnknown': 'التاريخ غير معروف',
  'report.ideas': 'أفكار للمرة القادمة',

  'tip.try-equity':
    'كان وقت الحديث (بحسب {measure, select, transcript {النص المكتوب في Teams} microphone {وقت الميكروفون} other {أدوار القائمة}}) غير متوازن: التوازن {balance}، حيث تعني 100% أن الجميع تحدثوا المدة نفسها. في المرة القادمة، يمكن تجربة الترتيب المتوازن: الأقل حديثًا أولًا.',
  'tip.protect-queue-time':
    'بقي في الانتظار عند النهاية: {entries, plural, zero {لا مشاركات} one {مشاركة واحدة} two {مشاركتان} few {# مشاركات} many {# مشاركة} other {# مشاركة}} — أشخاص أرادوا الحديث ولم يتمكنوا. يُستحسن تخصيص آخر 10 دقائق للقائمة.',
  'tip.open-with-round':
    'أخذ {speakers, number} من أصل {participants, number} أشخاص دورًا في الحديث. البدء بجولة أسئلة سريعة، أو بترتيب الجولة، يمنح الجميع لحظة أولى سهلة للحديث.',
  'tip.invite-quieter': `لم يأخذ دورًا في الحديث: ${people('silent')}. تتيح القائمة الخاصة «لم يُسمع صوتهم بعد» دعوة أي شخص بهدوء — والاعتذار متاح دائمًا.`,
  'tip.set-timebox':
    'انتظر بعض الأشخاص أكثر من خمس دقائق لدورهم (واحد من كل عشرة انتظر {minutes, number} دقيقة أو أكثر). الوقت المحدد الهادئ للحديث يُبقي القائمة متحركة.',
  'tip.felt-heard-low':
    'بلغ متوسط «هل كان صوتك مسموعًا؟» {mean} من 5. جولة ختامية، أو وقت أطول للردود، قد يساعد الجميع على الشعور بأن أصواتهم مسموعة.',
  'tip.keep-going': 'لا شيء هنا يحتاج إلى تغيير. شكرًا على إتاحة المجال للجميع — استمرار موفق.',

  'glance.title': 'نظرة سريعة',
  'glance.queueNote':
    'يُقاس وقت الحديث والأدوار هنا من قائمة المتحدثين: ما قيل خارج دور في القائمة لا يُحتسب. أما ما سجّله Teams، حيث تمكّن Roundtable من قراءته، فيُعرض وحده أدناه.',
  'glance.countedMeeting': `يُحتسب كل من قال Teams إنه انضم إلى الاجتماع؛ ومنهم ${people('opened')} فتح Roundtable.`,
  'glance.countedPanel': 'لا يُحتسب إلا من فتح Roundtable: لم يذكر Teams من انضم إلى الاجتماع.',
  'glance.whoCannot':
    'لا يمكن فتح Roundtable لمن انضم دون تسجيل الدخول، ولا لأشخاص من مؤسسات أخرى ما لم تسمح مؤسستك بذلك.',
  'glance.whoSpoke': 'من تحدّث',
  'glance.whoSpoke.value': `تحدّث {speakers, number} من أصل ${people('participants')}`,
  'glance.everyoneTurn': 'أخذ الجميع دورًا؛ وعدد الأدوار الكلي: {turns, number}.',
  'glance.silent': `لم يأخذ دورًا: ${people('silent')}؛ وعدد الأدوار الكلي: {turns, number}.`,
  'glance.balance': 'توازن وقت الحديث',
  'glance.balance.meaning': '100% = حصل الجميع على وقت حديث متساوٍ.',
  'glance.notReached': 'لم يصلهم الدور',
  'glance.notReached.none': 'كل من طلب الكلمة حصل على دوره.',
  'glance.notReached.some':
    'مشاركات بقيت في الانتظار عند انتهاء الاجتماع: أشخاص أرادوا الحديث ولم يتمكنوا.',
  'glance.feltHeard': 'الشعور بأن الصوت مسموع',
  'glance.noResult': 'لا نتيجة',
  'glance.feltHeard.none': 'لم يحصل أي سؤال «هل كان صوتك مسموعًا؟» على إجابات كافية لعرضه.',
  'glance.feltHeard.value': '{mean} من 5',
  'glance.feltHeard.meaning': 'متوسط الإجابات، من 1 إلى 5 (n = {n, number}).',

  'floor.title': 'ما سجّله Teams',
  'floor.simulated':
    'محاكاة: لا يوجد Teams في الوضع المحلي. تأتي هذه الأرقام من بديل محلي لـ Microsoft Graph مبني على الأدوار والانضمامات التي شغّلها المحاكي؛ لم يقِس Teams شيئًا.',
  'floor.note':
    'تأتي هذه الأرقام من Teams لا من القائمة، لذا تشمل أيضًا من تحدّث دون طلب الكلمة. يُعرض كل منها وحده؛ ولا يُدمج أي منها في أرقام القائمة أعلاه.',
  'floor.source.transcript': 'من النص المكتوب في Teams',
  'floor.source.microphone': 'من وقت الميكروفون (تقرير الحضور في Teams)',
  'floor.gap.not-ready': 'لم يكن Teams قد أعدّه بعد عندما تحقق Roundtable آخر مرة.',
  'floor.gap.not-permitted':
    'لا يُسمح لـ Roundtable بقراءته هنا (الأذونات، أو سياسة الوصول، أو اجتماع قناة).',
  'floor.gap.transcripts-off': 'تُبقي مؤسستك النصوص المكتوبة بعيدًا عن التطبيقات.',
  'floor.gap.speaker-attribution-off':
    'تحذف مؤسستك أسماء المتحدثين من النصوص التي تقرؤها التطبيقات، فلا يمكن تمييز وقت أي شخص.',
  'floor.gap.not-billed':
    'تحتسب Microsoft رسومًا على قراءة النصوص المكتوبة، والفوترة غير مُعدّة لـ Roundtable.',
  'floor.gap.no-data': 'لم يسجّل Teams شيئًا يمكن قياسه (لا نص مكتوب، أو لا أحداث ميكروفون).',
  'floor.unavailable': '{source}: غير متاح. {reason}',
  'floor.whoSpoke.value': `{speakers, number} من أصل ${people('attendees')}`,
  'floor.whoSpoke.meaning': 'مجموع الحديث {total}، من كل من عدّه Teams حاضرًا.',
  'floor.balance': 'التوازن',
  'floor.balance.meaning': '100% = تحدّث كل من في الاجتماع المدة نفسها (ومن لم يتحدث يُحتسب أيضًا).',
  'floor.largest': 'أكبر حصة',
  'floor.largest.meaning': 'حصة صاحب أطول حديث من مجموع وقت الحديث.',

  'airtime.title': 'توزّع وقت الحديث',
  'airtime.loadingChart': 'جارٍ تحميل الرسم البياني…',
  'airtime.tableLabel': 'وقت الحديث لكل شخص، الأكثر أولًا',
  'airtime.person': 'الشخص',
  'airtime.personN': 'الشخص {n, number}',
  'airtime.secondsSpeaking': 'ثوانٍ من الحديث',
  'airtime.minutesSpeaking': 'دقائق من الحديث',
  'airtime.share': 'الحصة من وقت الحديث',
  'airtime.none': 'لم يأخذ أحد دورًا، فلا يوجد وقت حديث للمقارنة.',
  'airtime.caption': 'حصل صاحب أطول حديث على {share} من وقت الحديث؛ {rest}.',
  'airtime.everyoneSpoke': 'وتحدّث الجميع',
  'airtime.silent': `ولم يتحدث: ${people('silent')}`,
  'airtime.inSeconds': '{value} ث',
  'airtime.inMinutes': '{value} د',
  'airtime.barLabel':
    '{person}: {value} {unit, select, seconds {ثانية} other {دقيقة}}، {share} من وقت الحديث',
  'airtime.xAxis': 'الأشخاص، الأكثر حديثًا أولًا',
  'airtime.yAxis.seconds': 'الثواني',
  'airtime.yAxis.minutes': 'الدقائق',

  'waits.title': 'انتظار الكلمة',
  'waits.none': 'لم يأخذ أحد دورًا من القائمة، فلا توجد أوقات انتظار.',
  'waits.typical': 'الانتظار المعتاد',
  'waits.typical.meaning': 'بدأ نصف الأدوار خلال هذه المدة (الوسيط).',
  'waits.longer': 'أطول الانتظارات',
  'waits.longer.meaning': 'انتظر دور من كل عشرة هذه المدة أو أكثر (المئين التسعون).',

  'checkins.title': 'الأسئلة السريعة',
  'checkins.none': 'لم تُطرح أسئلة سريعة في هذا الاجتماع.',
  'checkins.withheld':
    'لا يُعرض {withheld, plural, zero {أي سؤال} one {سؤال واحد} two {سؤالان} few {# أسئلة} many {# سؤالًا} other {# سؤال}} لأن عدد المجيبين أقل من {k, number}. وهذا يُبقي كل إجابة مجهولة الهوية.',
  'checkins.answers': ANSWERS,
  'checkins.answersAverage': `${ANSWERS}، بمتوسط {mean} من 5`,
  'checkins.word': 'الكلمة',
  'checkins.answer': 'الإجابة',
  'checkins.people': 'عدد الأشخاص',
  'checkins.cell': '{people, number} ({share})',
  'checkins.end': '{value} · {label}',

  'along.title': 'على امتداد الاجتماع',
  'along.invites':
    'أُرسلت {sent, plural, zero {لا دعوات خاصة} one {دعوة خاصة واحدة} two {دعوتان خاصتان} few {# دعوات خاصة} many {# دعوة خاصة} other {# دعوة خاصة}} للحديث، وقُبل منها {accepted, number}.',
  'along.thanks':
    'قُدّمت للمتحدثين {n, plural, zero {لا كلمات شكر} one {كلمة شكر واحدة} two {كلمتا شكر} few {# كلمات شكر} many {# كلمة شكر} other {# كلمة شكر}}.',
  'along.modes': 'أنماط القائمة المستخدمة',
  'along.mode.fifo': 'حسب الأسبقية',
  'along.mode.equity': 'متوازن: الأقل حديثًا أولًا',
  'along.mode.round': 'جولة: الجميع بالتناوب',
  'along.firstTime': 'المتحدثون لأول مرة عبر الوقت',
  'along.noTurns': 'لم يأخذ أحد دورًا.',
  'along.minutesInto': 'الدقائق منذ بداية الاجتماع',
  'along.firstPeople': 'عدد من تحدّث لأول مرة',
  'along.range': '{from, number}–{to, number}',

  'series.title': 'عبر السلسلة',
  'series.none': 'لا توجد ملخصات لاجتماعات أخرى في هذه السلسلة بعد.',
  'series.label': 'اجتماعات هذه السلسلة، الأقدم أولًا',
  'series.meeting': 'الاجتماع',
  'series.people': 'الأشخاص',
  'series.spoke': 'تحدّثوا',
  'series.balance': 'التوازن',
  'series.feltHeard': 'الشعور بأن الصوت مسموع',
  'series.noOne': 'لم يحضر أحد',
  'series.small': 'مجموعة صغيرة',
  'series.feltHeard.value': '{mean} من 5 (n = {n, number})',

  'export.title': 'التصدير',
  'export.note':
    'أرقام هذه الصفحة فقط: الأعداد والحصص والمتوسطات. بلا أسماء، ولا شيء يربط إجابة بشخص.',
  'export.download': 'تنزيل {format}',
  'export.cannotSave': 'لا يمكن لهذه النافذة حفظ الملفات. لتنزيله، يلزم فتح الملخص في المتصفح.',
};

export default ar;
