// رفض الطلبات وأعطال الواجهة البرمجية حسب الرمز، بالعربية (المفاتيح كما في en.ts).
import type { ProblemCatalogue } from './en.js';

const problems: ProblemCatalogue = {
  'problem.unknown-participant': 'يلزم فتح Roundtable في هذا الاجتماع أولًا، ثم إعادة المحاولة.',
  'problem.not-host': 'هذا متاح فقط للجهة المنظِّمة ولمن اختارتهم للمشاركة في الإدارة.',
  'problem.not-organizer':
    'اختيار المشاركين في الإدارة، وتحديد ما إذا كان دور المقدِّم يدير الاجتماع، متاحان للجهة المنظِّمة فقط.',
  'problem.meeting-ended': 'انتهى هذا الاجتماع؛ وأُغلقت قائمة المتحدثين والأسئلة السريعة.',
  'problem.queue-locked':
    'قائمة المتحدثين مقفلة. نقطة النظام ما زالت مرحّبًا بها؛ وتنتظر المشاركات الأخرى حتى يُعاد فتح القائمة.',
  'problem.note-too-long': 'يجب ألا تتجاوز الملاحظة 140 حرفًا.',
  'problem.already-queued':
    'لديك مكان في القائمة بهذا النوع من المشاركة بالفعل. لتغييره، تلزم مغادرته أولًا.',
  'problem.not-queued': 'لا توجد لك مشاركة من هذا النوع في القائمة.',
  'problem.entry-not-found': 'لم تعد هذه المشاركة في القائمة؛ فقد تغيّر العرض.',
  'problem.move-out-of-range': 'تبقى المشاركات مجمّعة حسب النوع: يلزم اختيار موضع ضمن النوع نفسه.',
  'problem.stale-turn': 'انتهى هذا الدور بالفعل. يمكن التحديث لمعرفة من يتحدث الآن.',
  'problem.nothing-to-advance': 'لا أحد يتحدث، وقائمة المتحدثين فارغة.',
  'problem.not-your-turn': 'إنهاء الدور متاح فقط لصاحب الكلمة الحالية.',
  'problem.participant-not-found': 'هذا الشخص غير موجود في Roundtable الخاص بهذا الاجتماع.',
  'problem.already-host': 'يمكن لهذا الشخص إدارة هذا الاجتماع بالفعل.',
  'problem.host-by-role':
    'يدير هذا الشخص الاجتماع بحكم دوره في Teams؛ ولا يمكن إلغاء إلا المشاركة في الإدارة الممنوحة في Roundtable.',
  'problem.not-co-host': 'هذا الشخص غير مشارك في الإدارة.',
  'problem.cannot-invite-self': 'لا يمكن دعوة نفسك؛ الانضمام إلى القائمة هو البديل.',
  'problem.not-present': 'Roundtable غير مفتوح لدى هذا الشخص الآن.',
  'problem.already-invited': 'توجد دعوة بانتظار هذا الشخص بالفعل.',
  'problem.no-invite': 'لا توجد دعوة بانتظارك.',
  'problem.checkin-already-open': 'يوجد سؤال سريع مفتوح بالفعل. يلزم إغلاقه قبل بدء سؤال آخر.',
  'problem.unknown-prompt': 'لا يوجد سؤال جاهز بهذا المعرّف.',
  'problem.prompt-scale-mismatch':
    'يستخدم هذا السؤال الجاهز مقياس إجابة مختلفًا؛ يمكن حذف المقياس أو استخدام مقياس السؤال نفسه.',
  'problem.checkin-not-open': 'أُغلق هذا السؤال السريع. لم تعد الإجابات مقبولة.',
  'problem.checkin-spoken-round':
    'هذا السؤال جولة شفهية: يكون الرد بأخذ دور في القائمة بدل كتابة إجابة.',
  'problem.already-answered': 'سبقت الإجابة عن هذا السؤال. شكرًا!',
  'problem.invalid-answer':
    'هذه الإجابة لا تناسب هذا السؤال: يلزم اختيار رقم من 1 إلى 5، أو كتابة كلمة أو كلمتين.',
  'problem.turn-not-found': 'يمكن توجيه الشكر للدور الحالي أو لأحد الأدوار الأخيرة.',
  'problem.cannot-thank-self': 'لا يمكن شكر دورك أنت — لكن يمكن للآخرين ذلك!',
  'problem.already-thanked': 'سبق شكر هذا الدور.',
  'problem.not-a-system-command': 'هذا متاح لخدمة Roundtable فقط.',
  'problem.not-participant': 'لست من المشاركين في هذا الاجتماع.',
  'problem.tenant-not-allowed':
    'مؤسستك ليست من المؤسسات التي يخدمها هذا النشر من Roundtable. يمكن التواصل مع الجهة التي تشغّل Roundtable لمؤسستك.',
  'problem.not-in-meeting': 'لست في الاجتماع الآن. للمشاركة، يلزم الانضمام إلى الاجتماع في Teams.',
  'problem.app-not-installed':
    'لم يُضف Roundtable إلى هذا الاجتماع. يمكن طلب إضافته من الجهة المنظِّمة، ثم فتحه مجددًا.',
  'problem.meeting-expired':
    'لم يعد Teams يعرف هذا الاجتماع: فقد انتهت صلاحيته. وما زال بإمكان الجهة المنظِّمة قراءة ملخصاته وحذفها.',
  'problem.summary-not-ready': 'يجهز الملخص بعد انتهاء الجلسة بلحظات.',
  'problem.summary-not-found':
    'لا يوجد ملخص لك هنا بعد. يُحفظ الملخص عند انتهاء جلسة استُخدم فيها Roundtable؛ أما المحذوف ومنتهي الصلاحية فلم يعد موجودًا.',
  'problem.rate-limited':
    'يجري إرسال الأوامر أسرع مما يقبله Roundtable؛ يُرجى الانتظار {seconds, number} ث.',
  'problem.too-many-streams':
    'لديك اتصالات مباشرة مفتوحة أكثر من المسموح؛ سيعيد Roundtable المحاولة بعد {seconds, number} ث.',
  'problem.unavailable.storage':
    'يتعذّر على Roundtable الوصول إلى التخزين الآن. ستُعاد المحاولة بعد {seconds, number} ث؛ ولن يضيع شيء مما أُرسل.',
  'problem.unavailable.teams':
    'يتعذّر على Roundtable الوصول إلى Microsoft Teams الآن. ستُعاد المحاولة بعد {seconds, number} ث؛ ولن يضيع شيء مما أُرسل.',
  'problem.unavailable.sign-in':
    'يتعذّر على Roundtable التحقق من تسجيلات الدخول الآن. ستُعاد المحاولة بعد {seconds, number} ث؛ ولن يضيع شيء مما أُرسل.',
  'problem.unavailable.live':
    'يتعذّر إعداد التحديثات المباشرة الآن. ستُعاد المحاولة بعد {seconds, number} ث؛ ولن يضيع شيء مما أُرسل.',
  'problem.unavailable.busy':
    'هذا الاجتماع مزدحم جدًا الآن. ستُعاد المحاولة بعد {seconds, number} ث؛ ولن يضيع شيء مما أُرسل.',
  'problem.not-configured':
    'لم يكتمل إعداد Roundtable هنا بعد. يُرجى إبلاغ الجهة التي تشغّل Roundtable لديك.',
  'problem.internal':
    'حدث خطأ غير متوقع في Roundtable. يُرجى إعادة المحاولة؛ وإذا تكرر، إبلاغ الجهة التي تشغّل Roundtable لديك.',
};

export default problems;
