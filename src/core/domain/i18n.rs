//! Every user-facing string, in Simplified Chinese (the default) and English (SPEC D5).
//!
//! Texts are keys of one enum so a missing translation is a compile error, not a blank label.
//! Placeholders are `{0}`, `{1}`, … and are filled by [`fill`].

use serde::{Deserialize, Serialize};

/// The UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>` and date formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

macro_rules! texts {
    ($(#[$meta:meta])* $name:ident, $table:ident; $($key:ident => $zh:literal, $en:literal;)*) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($key),* }

        /// Every text in both languages, in the enum's order: one table lookup instead of a
        /// match arm per text and language (a match compiled to some 13 KB of wasm code).
        const $table: &[[&str; 2]] = &[$([$zh, $en]),*];

        impl $name {
            pub fn get(self, lang: Lang) -> &'static str {
                $table[self as usize][lang as usize]
            }
        }
    };
}

texts! {
    /// A user-facing text; [`T::get`] gives it in a language.
    T, TEXTS;
    AppName => "跨部门会议助手", "CrossMeet";
    AppTagline => "策划、筹备、执行、跟进,一站完成", "Plan, prepare, run and follow up in one place";
    // Airtime by department (issue 14, E3): run view, room mode, summary, minutes, review.
    AirtimeTitle => "发言时间（按部门）", "Speaking time by department";
    AirtimeThisItem => "本议题", "This item";
    AirtimeWholeMeeting => "全场", "Whole meeting";
    AirtimeColMinutes => "分钟", "Minutes";
    AirtimeColShare => "占比", "Share";
    AirtimeNoTurns => "还没有记录发言。", "No speaking turns recorded yet.";
    AirtimeUnknownDepartment => "{0}(部门未知)", "{0} (department unknown)";
    AirtimeUnnamedSpeaker => "未填写发言人", "Unnamed speaker";
    AirtimeSpeakerPick => "选择参会人,或直接输入姓名或部门", "Pick a participant, or type a name or department";
    AirtimeListSeparator => "、", ", ";
    AirtimeNotHeard => "还没发言的部门:{0},请他们谈谈", "Not heard yet: {0} — invite them in";
    AirtimeMinutesNote => "按发言计时统计,暂停时间不计。", "From the speaking-turn timer; pauses are not counted.";
    NavMeetings => "会议", "Meetings";
    // Finish on time and meeting cost (issue 14; core::domain::rebalance, core::domain::cost).
    FinishOnTime => "按时结束", "Finish on time";
    RebalanceTitle => "压缩剩余议程,按时结束", "Shorten the remaining items to end on time";
    RebalanceRule => "先压缩信息同步,再压缩讨论和休息,决策最后;每项不少于 {0} 分钟。", "Sharing gives time first, then discussion and breaks, decisions last; no item below {0} min.";
    RebalanceItem => "{0}:{1} → {2} 分钟", "{0}: {1} → {2} min";
    RebalanceEndsAt => "新的结束时间 {0}(计划 {1})", "New end {0} (planned {1})";
    RebalanceStillOver => "即使每项压到最短,仍会超时 {0} 分钟", "Even at the minimum per item, still {0} min over";
    RebalanceApply => "应用新时长", "Apply new durations";
    RebalanceApplied => "已压缩剩余议程", "Remaining items shortened";
    RebalanceOnTime => "进度正常,无需压缩", "On time: nothing to shorten";
    WarnMeetingFiveMinutes => "会议还剩 5 分钟", "5 minutes left in the meeting";
    WarnItemEightyPercent => "本项已用去 80% 的时间", "80% of this item's time used";
    WarnItemOver => "本项已超时:按时结束,或把余下的讨论记入待议", "This item is over time: finish on time, or park the rest";
    WarnMeetingOver => "会议已超过计划结束时间", "The meeting is past its planned end";
    CostTitle => "会议成本", "Meeting cost";
    CostPersonHours => "{0} 人时", "{0} {0:person-hour|person-hours}";
    CostWithMoney => "{0} · ¥{1}", "{0} · ¥{1}";
    CostPlanned => "计划 {0}", "Planned {0}";
    CostActual => "实际 {0}", "Actual {0}";
    CostOverrun => "超时 {0}", "Overrun {0}";
    CostAttendees => "{0} 位未拒绝的参会人 × 会议时长", "{0} {0:attendee|attendees} who have not declined × duration";
    CostHourlyRate => "每人每小时成本(元,可选)", "Hourly cost per person (¥, optional)";
    CostHourlyRateHint => "填写后人时会换算成金额;只保存在本浏览器中。", "Turns person-hours into money; stays in this browser.";
    NavTracker => "行动项", "Actions";
    NavSettings => "设置", "Settings";
    SwitchLanguage => "English", "中文";
    SwitchLanguageLabel => "切换到英文界面", "Switch to Chinese";
    Loading => "正在读取本机数据…", "Loading your data…";

    // Meeting list.
    SearchMeetings => "搜索会议标题或目标", "Search titles and objectives";
    NewMeeting => "新建会议", "New meeting";
    NewBlank => "空白会议", "Blank meeting";
    FromTemplate => "从模板开始", "Start from a template";
    EmptyListTitle => "还没有会议", "No meetings yet";
    EmptyListHint => "从上面的模板开始,或新建空白会议。所有数据只保存在本浏览器中。", "Start from a template above or a blank meeting. Everything stays in this browser.";
    NoSearchResults => "没有匹配“{0}”的会议", "No meeting matches “{0}”";
    Untitled => "未命名会议", "Untitled meeting";
    Duplicate => "复制", "Duplicate";
    Delete => "删除", "Delete";
    Open => "打开", "Open";
    CopySuffix => "(副本)", " (copy)";
    Deleted => "已删除“{0}”", "Deleted “{0}”";
    UntouchedDiscarded => "“{0}”没有任何修改,已丢弃", "“{0}” was not changed, so it was discarded";
    Duplicated => "已复制为“{0}”", "Duplicated as “{0}”";
    Undo => "撤销", "Undo";
    Dismiss => "关闭", "Dismiss";
    NotScheduled => "未定时间", "No time set";
    MinutesShort => "{0} 分钟", "{0} min";
    ParticipantsCount => "{0} 人", "{0} {0:person|people}";
    AgendaCount => "{0} 个议题", "{0} agenda {0:item|items}";
    ActionsOpenCount => "{0} 项待办", "{0} open {0:action|actions}";

    // Situations (S1).
    SituationBlank => "空白", "Blank";
    SituationProject => "项目协同", "Project collaboration";
    SituationProblem => "问题解决", "Problem solving";
    SituationStrategy => "战略落地", "Strategy roll-out";
    SituationMechanism => "机制建设", "Mechanism building";
    SituationProjectHint => "新品研发、活动推广等多部门项目的启动或阶段对齐", "Kick-off or checkpoint of a project several departments deliver";
    SituationProblemHint => "客诉、断供、职责冲突等需要多方共议的紧急问题", "An urgent problem such as a complaint or supply break that needs several departments";
    SituationStrategyHint => "年度目标拆解、KPI 对齐、资源分配", "Breaking down annual goals, aligning KPIs, allocating resources";
    SituationMechanismHint => "协作流程、数据共享规范、权责划分等制度共识", "Agreeing a process, data-sharing rule or split of responsibilities";

    // Meeting types (P2).
    TypeDecision => "决策型", "Decision";
    TypeDiscussion => "讨论型", "Discussion";
    TypeInform => "告知型", "Inform";

    // Stages.
    StagePlan => "策划", "Plan";
    StagePrepare => "筹备", "Prepare";
    StageRun => "执行", "Run";
    StageFollowUp => "跟进", "Follow up";
    BackToList => "← 全部会议", "← All meetings";
    MeetingNotFound => "找不到这个会议,它可能已被删除。", "This meeting could not be found; it may have been deleted.";
    PageNotFound => "没有这个页面。", "There is no such page.";

    // Fields.
    FieldTitle => "会议标题", "Title";
    FieldSituation => "情境", "Situation";
    FieldType => "会议类型", "Meeting type";
    FieldObjective => "会议目标(动词+结果)", "Objective (verb + result)";
    FieldObjectivePlaceholder => "例:确定Q3上线排期并明确各部门交付物", "e.g. Agree the Q3 launch date and each department's deliverables";
    FieldNecessity => "开会的必要性", "Is a meeting needed?";
    NecessityMultiDept => "单个部门无法独立推进,需要多个部门协作", "No single department can move this alone";
    NecessityResources => "需要整合多方资源", "Resources from several departments must be combined";
    NecessityAsync => "书面同步(群消息、邮件)就能解决", "A written update (chat, e-mail) would do";
    FieldStart => "开始时间", "Start";
    FieldDuration => "时长(分钟)", "Duration (minutes)";
    FieldFormat => "形式", "Format";
    FormatOffline => "线下", "In person";
    FormatOnline => "线上", "Online";
    FormatHybrid => "混合", "Hybrid";
    FieldRoom => "会议室", "Room";
    FieldPlatform => "平台", "Platform";
    FieldLink => "会议链接", "Meeting link";
    FieldSeries => "所属系列(周期性会议)", "Series (recurring meetings)";
    Participants => "参会人", "Participants";
    RoleDecisionMaker => "决策方", "Decision-maker";
    RoleExecutor => "执行方", "Executor";
    RoleSupporter => "支持方", "Supporter";
    Host => "主持人", "Host";
    Recorder => "记录人", "Recorder";
    AddParticipant => "添加参会人", "Add participant";
    AddAgendaItem => "添加议题", "Add agenda item";
    NoParticipants => "还没有参会人。", "No participants yet.";
    Agenda => "议程", "Agenda";
    NoAgenda => "还没有议题。", "No agenda items yet.";
    AgendaTotal => "议程合计 {0} 分钟 / 会议 {1} 分钟", "Agenda {0} min of {1} min";
    PhaseShare => "同步信息", "Share";
    PhaseDiscuss => "讨论问题", "Discuss";
    PhaseDecide => "决策行动", "Decide";
    PhaseBreak => "休息", "Break";
    Decisions => "决议", "Decisions";
    ActionItems => "行动项", "Action items";
    ParkingLot => "会后单独沟通", "Parking lot";
    MinutesStatus => "纪要状态", "Minutes status";
    MinutesNotStarted => "未开始", "Not started";
    MinutesDraftSent => "初稿已发", "Draft sent";
    MinutesDraftDue => "初稿待发", "Draft to send";
    MinutesFinalSent => "终稿已发", "Final sent";
    NothingYet => "暂无。", "None yet.";

    ShowMore => "再显示 {0} 项(共 {1} 项)", "Show {0} more (of {1})";

    // Two tabs editing one meeting (issue 7).
    ConflictMessage => "“{0}”刚在另一个标签页或窗口中保存过;这里的修改还没有保存,以免覆盖那边的内容。请选择保留哪一份。", "“{0}” was just saved in another tab or window; the edits here are not saved yet, so as not to overwrite it. Choose which version to keep.";
    ConflictTakeTheirs => "使用另一处的版本", "Use the other version";
    ConflictKeepMine => "保留这里的版本", "Keep this version";

    // Sharing a plan (D4).
    ShareTitle => "分享计划", "Share the plan";
    ShareHint => "只分享计划(目标、议程、参会人、材料),不含会议记录和行动项。链接本身就带着计划,不经过任何服务器。", "Only the plan travels (objective, agenda, participants, materials), never the run or the actions. The link carries the plan itself; no server sees it.";
    DownloadMeetingFile => "下载会议文件", "Download meeting file";
    CopyShareLink => "复制分享链接", "Copy share link";
    ShareLinkFailed => "无法生成分享链接:{0}", "Could not make the share link: {0}";
    OpenShared => "打开分享的会议…", "Open a shared meeting…";
    SharePageTitle => "导入分享的会议", "Import a shared meeting";
    SharePageHint => "打开同事发来的分享链接,或选择会议文件(.json)。内容只在本机读取,确认后才会加入你的会议。", "Open a share link from a colleague, or choose a meeting file (.json). It is read on this device only and added to your meetings when you confirm.";
    ShareOpenFile => "选择会议文件…", "Choose a meeting file…";
    ShareReading => "正在读取分享的计划…", "Reading the shared plan…";
    SharePreviewFacts => "{0} 分钟 · {1} 位参会人 · {2} 个议程项", "{0} min · {1} {1:participant|participants} · {2} agenda {2:item|items}";
    ShareImport => "加入我的会议", "Add to my meetings";
    ShareImported => "已导入“{0}”", "Imported “{0}”";
    ShareImportedCopy => "本机已有这个会议,已作为副本导入“{0}”", "This device already had this meeting; imported “{0}” as a copy";
    FieldSeriesHint => "同一系列的会议一起复盘;上次复盘的改进建议会显示在下一次会议的计划页。", "Meetings of one series are reviewed together; the last review's improvement notes show on the next meeting's plan.";
    CarriedNotesTitle => "上次复盘的改进建议(来自“{0}”)", "Improvement notes from the last review (“{0}”)";

    // Feedback and improvement notes (F5).
    FeedbackTitle => "会后快速反馈", "Quick feedback after the meeting";
    FeedbackHint => "每位参会人答三个问题即可,可在会后传阅本页收集。", "Three questions per participant; pass the device round after the meeting.";
    FeedbackAgendaTime => "议程时间安排合适吗?", "Was the agenda time right?";
    FeedbackMaterials => "会前材料够用吗?", "Were the materials enough?";
    FeedbackRating => "总体评分(1–5)", "Overall rating (1–5)";
    FeedbackComment => "一句话建议(可选)", "One suggestion (optional)";
    FeedbackAdd => "记录这份反馈", "Record this feedback";
    FeedbackIncomplete => "请先回答前两个问题并评分。", "Answer the first two questions and give a rating first.";
    FeedbackRecorded => "已记录反馈,共 {0} 份", "Feedback recorded: {0} in all";
    FeedbackSummary => "已收到 {0} 份:议程时间合适 {1} 份,材料够用 {2} 份,平均评分 {3}", "{0} received: agenda time right {1}, materials enough {2}, average rating {3}";
    Yes => "是", "Yes";
    No => "否", "No";
    ImprovementTitle => "改进建议(带到本系列的下一次会议)", "Improvement notes (carried to the next meeting of the series)";
    ImprovementPlaceholder => "例如:议程压缩到 45 分钟,材料提前两天发出;回车添加", "e.g. keep the agenda to 45 minutes, send materials two days ahead; Enter to add";
    ImprovementNone => "还没有改进建议。", "No improvement notes yet.";

    // Retrospective (F5).
    NavReview => "复盘", "Review";
    ReviewTitle => "复盘", "Retrospective";
    ReviewHint => "按系列或按季度,看行动项是否按时完成、会议是否超时、参会人怎么评价。", "By series or by quarter: were actions done on time, did meetings run over, what did participants say.";
    ReviewBySeries => "按系列", "By series";
    ReviewByQuarter => "按季度", "By quarter";
    ReviewEmpty => "还没有会议可以复盘。会议结束并记录行动项后,这里会出现统计。", "Nothing to review yet. Once meetings end and have action items, the figures appear here.";
    ReviewMeetingCount => "{0} 场会议", "Meetings: {0}";
    ReviewOnTimeRate => "行动项按时完成率 {0}%", "Actions done on time {0}%";
    ReviewNoActions => "还没有行动项", "No action items yet";
    ReviewOnTime => "按时完成 {0}", "On time {0}";
    ReviewLate => "延期完成 {0}", "Late {0}";
    ReviewOpen => "未完成 {0}（已逾期 {1}）", "Open {0} ({1} overdue)";
    ReviewOverrunAverage => "平均超时 {0} 分钟", "Average overrun {0} min";
    ReviewEarlyAverage => "平均提前 {0} 分钟结束", "Ended {0} min early on average";
    ReviewNotHeldYet => "尚无已结束的会议", "No meeting has ended yet";
    ReviewOverrunChart => "每场会议的超时(分钟)", "Overrun per meeting (minutes)";
    ReviewNoFeedback => "还没有会后反馈", "No feedback yet";
    ReviewLatestNotes => "最近的改进建议", "Latest improvement notes";
    // The review that coaches (F6): {0} the subject, {1} meetings showing it, {2} looked at.
    CoachTitle => "下次会议建议这样改", "Changes proposed for the next meeting";
    CoachNotEnough => "已开 {0} 场会议;至少 3 场才给出建议。", "{0} meetings held; proposals need at least 3.";
    CoachNone => "最近 {0} 场会议没有需要改的地方。", "Nothing to change after the last {0} meetings.";
    CoachWindow => "依据最近 {0} 场已开的会议", "From the last {0} meetings held";
    CoachEvidence => "见于", "Seen in";
    CoachWhy => "原因", "Why";
    CoachCarry => "带入下次会议", "Carry into the next meeting";
    CoachCarriedInto => "已带入「{0}」", "Carried into “{0}”";
    CoachCarriedToast => "已带入下次会议", "Carried into the next meeting";
    CoachNoNext => "本系列还没有下次会议。", "This series has no next meeting yet.";
    CoachPlanNext => "复制最近一场作为下次会议", "Plan the next meeting as a copy of the latest";
    CoachAlreadyFollows => "下次会议已符合这条建议。", "The next meeting already follows this.";
    CoachAdviceOnly => "提醒事项,议程无需改动", "A reminder; nothing in the agenda to change";
    CoachAskText => "请于会前提交本部门对议题的书面意见", "Please send your department's written input on the agenda before the meeting";
    CoachAsksAdded => "+ 会前意见:{0}", "+ input before the meeting: {0}";
    CoachCheckItem => "行动项检查:{0}", "Action check: {0}";
    CoachDataSyncItem => "数据同步", "Data sync";
    CoachResultsTitle => "带入的改动有没有用", "Did the carried changes help?";
    CoachResult => "之前 {0} → 之后 {1}(出现该情况的会议占比)", "before {0} → after {1} (share of meetings showing it)";
    CoachImproved => "已改善", "Improved";
    CoachNotImproved => "未改善", "Not better yet";
    CoachTooEarly => "之后还没有开过会", "No meeting held since";
    CoachQuarters => "季度对比", "Quarter on quarter";
    CoachColQuarter => "季度", "Quarter";
    CoachColHeld => "已开会议", "Meetings held";
    CoachColOnTime => "按时完成率", "Actions on time";
    CoachColOverrun => "平均超时(分钟)", "Average overrun (min)";
    CoachColRating => "平均评分", "Average rating";
    CoachReportsSeen => "{1}/{2} 场会议汇报超时,讨论和决策被压缩", "Reports ran over in {1} of {2} meetings while discussion and decisions were cut";
    CoachReportsWhy => "先同步、再讨论、后决策:汇报拖长,挤掉的正是做决定的时间。", "Share, then discuss, then decide: long reports eat the time meant for decisions.";
    CoachReportsDo => "汇报缩短 {0} 分钟(每项各自计时),移给讨论", "Shorten the reports by {0} minutes (each on its clock) and give them to discussion";
    CoachDominatesSeen => "{0} 在 {1}/{2} 场会议中占了一半以上的发言时间", "{0} held over half the speaking time in {1} of {2} meetings";
    CoachDominatesWhy => "跨部门会议要听到每个部门;一方主导时,其他部门的风险容易被漏掉。", "A cross-department meeting needs every department; when one dominates, the others' risks go unheard.";
    CoachDominatesDo => "会前请其他部门提交书面意见,讨论时按部门轮流发言", "Ask the other departments for written input beforehand, and take turns by department in discussion";
    CoachUnheardSeen => "{0} 在 {1}/{2} 场会议中没有发言", "{0} did not speak in {1} of {2} meetings";
    CoachUnheardWhy => "请了却不发言:要么不必参会,要么需要点名请他们说。", "Invited but silent: either they need not come, or they need asking by name.";
    CoachUnheardDo => "会前请 {0} 提交意见,讨论时点名请其发言", "Ask {0} for input beforehand and invite them by name in discussion";
    CoachLateSeen => "{0} 的行动项逾期明显多于其他人({1}/{2} 场会议有逾期)", "{0}'s actions are late far more often than the rest (late ones from {1} of {2} meetings)";
    CoachLateWhy => "逾期要早发现:每日更新进度,到期前提醒。", "Catch delays early: daily progress updates and a reminder before the deadline.";
    CoachLateDo => "下次会议开头加 5 分钟「行动项检查:{0}」", "Open the next meeting with a 5-minute action check for {0}";
    CoachPreReadSeen => "{1}/{2} 场会议的预读材料不到一天前才发出,这些会议超时更多", "Pre-reads went out less than a day ahead for {1} of {2} meetings, and those ran over more";
    CoachPreReadWhy => "预读至少提前一天发,会上才能直接讨论,而不是现场读材料。", "Pre-reads go out a day ahead so the meeting discusses instead of reading.";
    CoachPreReadDo => "会前一天以前发出预读材料,并标出要思考的问题", "Send the pre-reads at least a day ahead, with the questions to think about";
    CoachNoticeSeen => "{1}/{2} 场会议的通知提前不足 3 个工作日", "The notice went out under 3 working days ahead for {1} of {2} meetings";
    CoachNoticeWhy => "提前 3–5 个工作日通知,各部门才来得及准备和调整日程。", "3–5 working days' notice gives departments time to prepare and rearrange.";
    CoachNoticeDo => "下次会议提前 3–5 个工作日发通知", "Send the next notice 3–5 working days ahead";
    CoachSlotSeen => "{1}/{2} 场会议安排在周一上午或周五下午", "{1} of {2} meetings fell on a Monday morning or a Friday afternoon";
    CoachSlotWhy => "周一上午和周五下午是各部门最忙的时候,容易缺席或分心。", "Monday mornings and Friday afternoons are the busiest; people miss them or half-attend.";
    CoachSlotDo => "下次会议改到周二或周四的同一时间", "Move the next meeting to the same time on Tuesday or Thursday";
    CoachLeaveSeen => "{1}/{2} 场会议请假多,或请假未推荐替代人", "Many leave requests, or leave without a substitute, in {1} of {2} meetings";
    CoachLeaveWhy => "请假要提前 24 小时说明并推荐同级别替代人,否则决定落不到人。", "Leave needs 24 hours' notice and a same-level substitute, or decisions lack an owner.";
    CoachLeaveDo => "通知中重申请假规则,并和各部门确认时间是否合适", "Restate the leave rule in the notice and check the slot with the departments";
    CoachLargeSeen => "{1}/{2} 场会议超过 10 人参加", "Over 10 people attended {1} of {2} meetings";
    CoachLargeWhy => "5–10 人最利于讨论和决定,其他人看纪要就够了。", "5–10 people discuss and decide best; others can read the minutes.";
    CoachLargeDo => "只请决策和执行部门,支持部门改为抄送纪要", "Invite the deciding and executing departments; send the minutes to the supporting ones";
    CoachTimeSeen => "{1}/{2} 场会议多数反馈认为时间分配不合理", "Most feedback called the time allocation wrong in {1} of {2} meetings";
    CoachTimeWhy => "参会人觉得时间分配不对,议程就该重新分配。", "When attendees find the time split wrong, the agenda needs replanning.";
    CoachTimeDo => "问清哪个议题缺时间,据此调整下次议程的时长", "Ask which item lacked time and re-plan the next agenda's minutes";
    CoachMaterialsSeen => "{1}/{2} 场会议多数反馈认为材料准备不充分", "Most feedback called the materials insufficient in {1} of {2} meetings";
    CoachMaterialsWhy => "材料不足时,会上先花几分钟把关键数据同步给所有人。", "When materials fall short, a few minutes syncing the key data puts everyone on the same page.";
    CoachMaterialsDo => "下次会议开头增加 5 分钟「数据同步」环节", "Add a 5-minute data sync at the start of the next meeting";
    ChartMeeting => "会议", "Meeting";
    ChartPlanLine => "计划(0)", "Plan (0)";
    ChartMinutesAxis => "超时(分钟)", "Over plan (min)";
    ReviewDownloadMd => "下载复盘(Markdown)", "Download review (Markdown)";
    ReviewDownloadCsv => "下载复盘建议(CSV)", "Download proposals (CSV)";
    ReviewPrint => "打印复盘", "Print the review";
    ReviewFileName => "复盘", "review";
    CoachCsvHeader => "系列,发现,原因,建议,依据会议,已带入", "Series,Finding,Why,Proposal,Seen in,Carried into";
    RetroNoSeries => "未归入系列", "Not in a series";
    RetroQuarter => "{0} 年第 {1} 季度", "{0} Q{1}";
    RetroUndated => "未定日期", "No date";

    // Tracker.
    TrackerTitle => "行动项跟踪", "Action tracker";
    TrackerEmpty => "还没有行动项。会议中记录的行动项会汇总在这里。", "No action items yet. Actions recorded in meetings are gathered here.";
    ColTask => "任务", "Task";
    ColOwner => "负责人", "Owner";
    ColDepartment => "部门", "Department";
    ColMeeting => "会议", "Meeting";
    ColDeadline => "截止", "Deadline";
    ColStatus => "状态", "Status";
    StatusOpen => "待开始", "Open";
    StatusInProgress => "进行中", "In progress";
    StatusBlocked => "受阻", "Blocked";
    StatusDone => "已完成", "Done";
    StatusCancelled => "已取消", "Cancelled";

    // Settings, storage and backup.
    SettingsTitle => "设置", "Settings";
    Language => "界面语言", "Language";
    StorageTitle => "本机存储", "Storage on this device";
    StoragePersisted => "已获得持久存储:浏览器不会自动清除这些数据。", "Persistent storage granted: the browser will not evict this data.";
    StorageNotPersisted => "浏览器未授予持久存储:空间紧张时数据可能被清除,请定期备份。", "Persistent storage not granted: the browser may evict data when space is short. Back up regularly.";
    StorageUnknown => "无法确认是否为持久存储。", "Could not tell whether storage is persistent.";
    StorageFailed => "无法保存到本机存储:{0}。当前内容仍在页面中,可继续编辑并导出备份。", "Could not save to browser storage: {0}. Your data is still here; keep working and export a backup.";
    NotStoredMeetings => "尚未保存:{0}。", "Not stored yet: {0}.";
    NotStoredMany => "尚未保存:{0} 等另外 {1} 个会议。", "Not stored yet: {0} and {1} more.";
    NotStoredDeletes => "{0} 个已删除的会议仍在本机存储中,会自动重试。", "{0} deleted {0:meeting is|meetings are} still in browser storage; retrying by itself.";
    NotStoredPreferences => "偏好设置(语言、发言时长、站会计时)尚未保存。", "Preferences (language, turn length, stand-up clock) are not stored yet.";
    NotStoredJournal => "离开页面时的应急副本未能写入;请先等保存完成再关闭页面。", "The safety copy made when leaving the page could not be written; wait for saving to finish before closing the page.";
    ConflictUnreadable => "“{0}”在存储中的另一份版本无法在这里读取({1}),可能由更新版本的应用写入。这里的修改尚未保存,也不会覆盖那一份,除非你选择覆盖。建议先导出这里的版本。", "The other stored version of “{0}” cannot be read here ({1}); a newer version of the app may have written it. The edits here are not saved, and will not replace it unless you choose to. Export this version first.";
    ConflictExportMine => "导出这里的版本", "Export this version";
    ConflictOverwrite => "用这里的版本覆盖", "Overwrite it with this version";
    StorageUnavailable => "本浏览器无法使用本机数据库(可能是隐私模式或被禁用)", "this browser's database is unavailable (private mode or disabled)";
    StorageQuota => "存储空间已满", "storage is full";
    StorageUpgradeWaiting => "正在升级本机数据库:请关闭其他仍打开着跨部门会议助手的标签页,关闭后自动继续。", "Upgrading the browser database: close the other tabs that still have CrossMeet open and it carries on by itself.";
    StorageSuperseded => "另一个标签页已打开新版本,本页不再保存修改。请重新加载本页;尚未保存的内容可先导出备份。", "A newer version is open in another tab, so this tab no longer saves. Reload this page; export a backup first if you have unsaved changes.";
    Undecodable => "有 {0} 条记录无法读取,已原样保留,未做任何删除。可在设置中导出。", "{0} stored {0:record|records} could not be read. They are kept untouched; export them from Settings.";
    UndecodableTitle => "无法读取的记录", "Records that could not be read";
    DownloadRaw => "导出原始内容", "Download raw record";
    BackupTitle => "备份与恢复", "Backup and restore";
    BackupHint => "把全部会议导出为一个 JSON 文件,或从备份文件恢复。恢复不会覆盖本机较新的版本。", "Export every meeting to one JSON file, or restore from one. Restoring never replaces a newer copy on this device.";
    BackupDownload => "下载备份", "Download backup";
    RestoreChoose => "从备份恢复…", "Restore from backup…";
    RestorePlan => "备份中有 {0} 个会议:新增 {1} 个,更新 {2} 个,相同 {3} 个,本机版本较新而跳过 {4} 个。", "The backup holds {0} {0:meeting|meetings}: {1} new, {2} updated, {3} unchanged, {4} skipped because this device has a newer copy.";
    RestoreConfirm => "确认恢复", "Restore";
    Cancel => "取消", "Cancel";
    RestoreDone => "已恢复 {0} 个会议", "Restored {0} {0:meeting|meetings}";
    RestoreWriting => "正在把 {0} 个会议写入本机存储…完成前请不要关闭页面。", "Writing {0} {0:meeting|meetings} to browser storage… please keep this page open until it is done.";
    RestoreNothing => "备份中的会议与本机相同或较旧,无需恢复。", "Nothing to restore: this device already has these meetings or newer copies.";
    FileReadFailed => "无法读取文件:{0}", "Could not read the file: {0}";
    FileTooLarge => "文件过大({0} MB),这里最多接受 {1} MB。未做任何更改。", "The file is too large ({0} MB); at most {1} MB is accepted here. Nothing was changed.";
    ImportNotJson => "这不是有效的 JSON 文件(第 {0} 行第 {1} 列附近出错)。未做任何更改。", "This is not a valid JSON file (error near line {0}, column {1}). Nothing was changed.";
    ImportForeign => "这不是跨部门会议助手导出的备份或会议文件。未做任何更改。", "This is not a backup or meeting file exported by CrossMeet. Nothing was changed.";
    ImportBrokenLink => "这个分享链接不完整或已被改动,无法读取。请让对方重新复制链接,或改用会议文件。未做任何更改。", "This share link is incomplete or altered and cannot be read. Ask for the link again, or for the meeting file. Nothing was changed.";
    ImportNewerSchema => "该文件由更新版本的应用生成(数据版本 {0}),请先更新应用。未做任何更改。", "This file was written by a newer version of the app (data version {0}); update the app first. Nothing was changed.";
    ImportOutOfRangeLink => "分享链接中有超出范围的数值,已按允许的范围读入(议程项 {0} 分钟,会议 {1} 分钟,评分 {2})。其余内容照常读入。", "The share link held numbers out of range; they were read as the nearest allowed value (agenda items {0} minutes, meetings {1} minutes, ratings {2}). Everything else was read as it was.";
    ImportOutOfRangeFile => "文件“{3}”中有超出范围的数值,已按允许的范围读入(议程项 {0} 分钟,会议 {1} 分钟,评分 {2})。其余内容照常读入。", "The file “{3}” held numbers out of range; they were read as the nearest allowed value (agenda items {0} minutes, meetings {1} minutes, ratings {2}). Everything else was read as it was.";
    ImportBadMeeting => "备份中第 {0} 个会议无法读取:{1}。未做任何更改。", "Meeting {0} in the backup could not be read: {1}. Nothing was changed.";
    DecodeBadShape => "数据格式不符({0})", "unexpected data ({0})";
    DecodeNewerSchema => "由更新版本写入(数据版本 {0})", "written by a newer version (data version {0})";
    DecodeNoSchema => "缺少数据版本号", "no data version";

    // Checks (P1–P4, R1–R7). Severity labels, then one text per finding.
    SeverityMust => "必须修改", "Must fix";
    SeverityShould => "建议修改", "Should fix";
    SeverityTip => "提示", "Tip";
    CheckAsync => "书面同步就能解决的事,不必开会:改为群消息或邮件更新,省下大家的时间。", "If a written update would do, skip the meeting: send a chat or e-mail update instead.";
    CheckNecessity => "先确认:这件事是否必须多个部门一起推进、或需要整合多方资源?都不是的话,考虑书面同步。", "First confirm that several departments must move this together or pool resources; if neither, consider a written update.";
    CheckNoDecisionMaker => "决策型会议需要有决策方到场,请在参会人中标出决策方。", "A decision meeting needs a decision-maker present: mark one among the participants.";
    CheckNoDecideItem => "决策型会议需要一个“决策行动”环节的议题。", "A decision meeting needs a “Decide” agenda item.";
    CheckObjectiveEmpty => "写下会议目标:用“动词+结果”说明会后要拿到什么。", "Write the objective: a verb and the result the meeting must produce.";
    CheckObjectiveVague => "目标太笼统,会后无法判断是否达成。请写成“动词+结果”,例如:确定Q3上线排期并明确各部门交付物。", "The objective is too vague to tell afterwards whether it was met. Write a verb and a result, e.g. “Agree the Q3 launch date and each department's deliverables”.";
    CheckObjectiveNoVerb => "目标缺少表示结果的动词(如确定、批准、明确、解决)。", "The objective has no verb that ends in a result (agree, decide, approve, resolve …).";
    CheckObjectiveNoDeliverable => "目标缺少可衡量的产出(如排期、清单、负责人、日期)。", "The objective names no measurable result (a date, a list, an owner, a budget …).";
    CheckTooFew => "目前 {0} 人,建议 5–10 人:确认各相关部门都有人参加。", "{0} {0:person|people} so far; 5–10 is the recommended size: check every department involved is there.";
    CheckTooMany => "目前 {0} 人,超过建议的 10 人:只请需要决策、执行或提供支持的人。", "{0} people is over the recommended 10: invite only those who decide, deliver or support.";
    CheckNoHost => "请指定一位主持人。", "Name a host.";
    CheckNoRecorder => "指定一位记录人,会上实时记录决议和行动项。", "Name a recorder to capture decisions and actions live.";
    CheckParticipantIncomplete => "参会人需填写姓名和部门。", "Each participant needs a name and a department.";
    CheckNoTime => "请设定开始时间。", "Set a start time.";
    CheckStartPast => "开始时间已经过去:请改为今后的时间,再发通知。", "The start time has passed: set a time ahead before sending the notice.";
    StartPast => "开始时间已过", "This time has passed";
    ChecksDone => "会议已经开始,发送前检查到此结束。", "The meeting has started: the checks before sending are done.";
    CheckMondayMorning => "周一上午通常是各部门的忙碌时段,建议换个时间。", "Monday mornings are busy for most departments; consider another time.";
    CheckFridayAfternoon => "周五下午不利于会后跟进,建议换个时间。", "Friday afternoons make follow-up hard; consider another time.";
    CheckShortNotice => "距开会只有 {0} 个工作日,通知应提前 3–5 个工作日发出。", "Only {0} working {0:day|days} before the meeting; send the notice 3–5 working days ahead.";
    CheckEarlyNotice => "通知提前了 {0} 个工作日,开会前一两天再提醒一次。", "The notice went out {0} working {0:day|days} ahead; send a reminder a day or two before.";
    CheckNoBreak => "{0} 分钟的会议超过 1 小时,请在议程中安排中场休息。", "A {0}-minute meeting runs over an hour: add a break to the agenda.";
    CheckNoRoom => "请填写会议室,优先选择不属于任何一方的中立会议室。", "Name the room; prefer a neutral one that belongs to no department.";
    CheckHomeRoom => "会议室属于某个部门,换成中立会议室更利于平等讨论。", "The room belongs to one department; a neutral room makes the discussion more even.";
    CheckNoLink => "线上会议需要会议链接。", "An online meeting needs a link.";
    CheckTestDevices => "会前测试设备(音视频、共享屏幕)。", "Test the devices (audio, video, screen sharing) beforehand.";
    CheckNoAgenda => "请添加议程。", "Add an agenda.";
    CheckItemNoTitle => "议题需要标题。", "An agenda item needs a title.";
    CheckItemNoOwner => "议题“{0}”没有负责人。", "Agenda item “{0}” has no owner.";
    CheckItemNoOutput => "议题“{0}”没有预期输出(如《需求优先级共识表》)。", "Agenda item “{0}” has no expected output (e.g. a priority list).";
    CheckPhaseOrder => "议题应按“同步信息 → 讨论问题 → 决策行动”排序。", "Order the agenda share → discuss → decide.";
    CheckAgendaTotal => "议程合计 {0} 分钟,与会议时长 {1} 分钟不一致。", "The agenda adds up to {0} {0:minute|minutes} but the meeting lasts {1}.";
    CheckMaterialLate => "预读材料“{0}”应在会前一天发出。", "Pre-read “{0}” should go out the day before.";
    CheckMaterialNoQuestions => "为预读材料“{0}”标出需要提前思考的问题。", "Add questions to think about to pre-read “{0}”.";
    CheckLateAbsence => "{0} 请假不足会前 24 小时。", "{0} sent apologies less than 24 hours ahead.";
    CheckNoSubstitute => "{0} 请假但未推荐同级替代人员。", "{0} is absent and named no same-level substitute.";

    // Notice (R6).
    NoticePrefix => "会议通知:", "Meeting notice: ";
    NoticeWhenWhere => "时间与地点", "Time and place";
    NoticeObjective => "会议目标", "Objective";
    NoticeTime => "时间", "Time";
    MonthNames => "1 2 3 4 5 6 7 8 9 10 11 12", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec";
    WeekdayNames => "周一 周二 周三 周四 周五 周六 周日", "Mon Tue Wed Thu Fri Sat Sun";
    SlotDay => "{0}月{1}日({2})", "{2} {1} {0}";
    Slot => "{0}{1}–{2}", "{0}, {1}–{2}";
    NoticeOutput => "输出{0}", "output: {0}";
    NoticeThinkAbout => "请提前思考:{0}", "think about: {0}";
    NoticeAbsenceTitle => "请假规则", "Absence";
    NoticeAbsenceRule => "如需请假,请至少提前 24 小时说明原因,并推荐一位同级别的替代人员参会。", "If you cannot attend, tell the organiser at least 24 hours ahead with the reason, and name a same-level substitute to attend in your place.";
    PreReads => "预读材料", "Pre-reads";
    PreparationAsks => "会前请准备", "Please prepare";
    Colon => ":", ": ";
    ParenOpen => "(", " (";
    ParenClose => ")", ")";
    ListSep => "、", ", ";

    // Plan and prepare tabs.
    ObjectiveGood => "目标清晰:有动词,也有可衡量的产出。", "Clear: a verb and a measurable result.";
    ObjectiveExamplesTitle => "好目标示例", "Examples of good objectives";
    PlanToAgenda => "议程在“筹备”里编排", "The agenda is planned under Prepare";
    ObjectiveExamples => "确定Q3产品上线排期并明确各部门交付物\n界定客户投诉率上升的跨部门责任并指定整改负责人", "Agree the Q3 launch date and each department's deliverables\nApprove the 2027 marketing budget and name its owner";
    SizeHint => "{0} 人(建议 5–10 人)", "{0} {0:person|people} (5–10 recommended)";
    ColOwnerName => "姓名", "Name";
    FieldRole => "角色", "Role";
    FieldPhase => "阶段", "Phase";
    FieldItemTitle => "标题", "Title";
    FieldOutput => "预期输出", "Expected output";
    RowRemoved => "已删除一行", "Row removed";
    MinutesRegenerated => "已按会议内容重新生成纪要，手写的内容可撤销找回", "Minutes regenerated from the meeting; undo brings back what was written by hand";
    DownloadFailed => "无法保存文件 {0}：浏览器没有完成下载。数据仍在应用中，请检查下载设置或磁盘空间后再试。", "Could not save {0}: the browser did not complete the download. Nothing is lost; check the download settings or disk space and try again.";
    DeletedElsewhere => "“{0}”已在另一个标签页或窗口中删除", "“{0}” was deleted in another tab or window";
    ConflictDeleted => "“{0}”已在另一个标签页或窗口中删除，但这里还有未保存的修改。要保留这份会议（重新保存），还是同意删除？", "“{0}” was deleted in another tab or window, but this tab has unsaved edits of it. Keep it (save it again), or let it go?";
    ConflictLetGo => "同意删除", "Let it go";
    RestoreAllNewer => "这份备份中的会议在本机都有更新的版本（选好文件后又改过），已全部保留，没有恢复任何内容。", "Every meeting in this backup has a newer version here (edited after the file was chosen); all were kept and nothing was restored.";
    UndoGone => "无法撤销：它已被删除", "Cannot undo: it has been deleted since";
    UndoChanged => "无法撤销：之后又改过同一处，保留了最新的内容", "Cannot undo: the same thing was changed since, so the latest is kept";
    BadDate => "无法识别的时间“{0}”,已保留原来的时间。", "“{0}” is not a date and time we can read; the previous time is kept.";
    WorkingDaysAhead => "距开会 {0} 个工作日(通知需提前 3–5 个工作日)", "{0} working {0:day|days} ahead (send the notice 3–5 working days ahead)";
    RoomIsHome => "这是某个部门自己的会议室", "This room belongs to one department";
    DevicesTested => "已测试设备", "Devices tested";
    AgendaHint => "按“同步信息 → 讨论问题 → 决策行动”排列;Alt+↑/↓ 或拖动调整顺序。", "Order share → discuss → decide; move items with Alt+↑/↓ or by dragging.";
    SortByPhase => "按阶段排序", "Sort by phase";
    InsertBreak => "插入中场休息", "Insert a break";
    MoveUp => "上移", "Move up";
    MoveDown => "下移", "Move down";
    PreReadsHint => "会前一天发出,并标出需要提前思考的问题。", "Send them the day before, with questions to think about.";
    AddPreRead => "添加预读材料", "Add pre-read";
    FieldMaterialLink => "链接或说明", "Link or note";
    FieldQuestions => "需提前思考的问题", "Questions to think about";
    Sent => "已发送", "Sent";
    FieldAsk => "会前需准备的内容(如当前进度风险点)", "What to bring (e.g. current risks)";
    AddAsk => "添加准备事项", "Add a request";
    ProjectorWindow => "投屏窗口", "Projector window";
    ProjectorWindowHint => "在新窗口打开与会者看到的画面,拖到投影屏上;本窗口保留主持提示和操作。", "Opens what the room sees in a new window to drag onto the projector; this window keeps the prompts and controls.";
    ProjectorBlocked => "浏览器拦截了新窗口:请允许本站弹出窗口后再试。", "The browser blocked the new window: allow pop-ups for this site and try again.";
    ParkedToAction => "转为行动项", "Make it an action item";
    ParkedMadeAction => "已转为行动项", "Made an action item";
    ActionShort => "行动", "Action";
    OpenParkedTitle => "会后单独沟通(未解决)", "Parking lot (open)";
    Resolved => "已解决", "Resolved";
    ParkedResolved => "已标记为已解决", "Marked resolved";
    SubstituteJoin => "加为参会人", "Add as participant";
    SubstituteJoined => "替补人已加为参会人", "Substitute added as a participant";
    AsksFromDepartments => "按参会部门添加", "Add one per invited department";
    DefaultAsk => "提交当前进度和风险点", "Bring your current progress and risks";
    AttendanceTitle => "出席情况", "Attendance";
    AttendancePending => "待确认", "Not answered";
    AttendanceConfirmed => "出席", "Attending";
    AttendanceDeclined => "请假", "Absent";
    FieldReason => "请假原因", "Reason";
    FieldSubstitute => "同级替代人员", "Same-level substitute";
    NoticeTitle => "会议通知", "Meeting notice";
    NoticeSentAt => "通知已于 {0} 发出", "Notice sent {0}";
    MarkNoticeSent => "标记通知已发送", "Mark notice as sent";
    NoticeCopiedOffer => "通知已复制。发到群里后,点“标记通知已发送”,预读材料也一并记为已发。", "Notice copied. Once it is posted, press “Mark notice as sent”; the pre-reads it carries count as sent too.";
    NoticeMarkedSent => "已标记通知已发送", "Notice marked as sent";
    CopyNoticeText => "复制通知(纯文本)", "Copy notice (text)";
    CopyNoticeMarkdown => "复制 Markdown", "Copy Markdown";
    DownloadIcs => "下载日历邀请 .ics", "Download .ics invitation";
    NoticePreview => "预览通知", "Preview the notice";
    PrintPdf => "打印 / 存为 PDF", "Print / save as PDF";
    MinutesPreview => "纪要预览", "Minutes preview";
    Copied => "已复制到剪贴板", "Copied to the clipboard";
    CopyFailed => "无法复制:{0}", "Could not copy: {0}";
    ReadinessTitle => "发送前检查", "Readiness";
    ReadyToSend => "✓ 没有必须修改的问题,可以发送通知。", "✓ Nothing must be fixed: ready to send the notice.";
    MustFixCount => "还有 {0} 项必须修改。", "{0} {0:thing|things} must be fixed first.";
    SaveAsTemplate => "存为模板", "Save as template";
    RecoveredUnsaved => "已找回上次离开时尚未保存的 {0} 个会议的修改", "Recovered unsaved changes to {0} {0:meeting|meetings} from when the page was last closed";
    SavedAsTemplate => "已存为模板“{0}”", "Saved as template “{0}”";
    MyTemplates => "我的模板", "My templates";

    // Run (E1–E8).
    MinutesAfterEnd => "会议结束后开始纪要倒计时:初稿 2 小时内、终稿 24 小时内发出。", "The minutes countdown starts when the meeting ends: draft within 2 hours, final within 24.";
    MinutesDraft => "初稿", "Draft";
    MinutesFinal => "终稿", "Final";
    MinutesLeft => "{0}还剩 {1}", "{0} due in {1}";
    MinutesLate => "{0}已逾期 {1}", "{0} is {1} late";
    RegenerateMinutes => "按会议内容重新生成", "Regenerate from the meeting";
    CopyMinutes => "复制纪要(纯文本,发群用)", "Copy minutes (plain text, for chat)";
    CopyMinutesMarkdown => "复制 Markdown", "Copy Markdown";
    MarkDraftSent => "标记初稿已发", "Mark draft sent";
    MarkFinalSent => "标记终稿已发", "Mark final sent";
    Exports => "导出", "Exports";
    StandupTitle => "周站会(10 分钟)", "Weekly stand-up (10 min)";
    StandupHint => "只看未完成和受阻的行动项,按负责人逐一过;有受阻或逾期事项的负责人先讲。", "Open and blocked items only, owner by owner; owners with blocked or overdue items go first.";
    StandupStart => "开始 10 分钟计时", "Start the 10-minute clock";
    StandupRestart => "重新计时", "Restart the clock";
    StandupEmpty => "没有未完成的行动项。", "No open action items.";
    NoOwner => "未指定负责人", "No owner";
    DownloadMinutes => "下载纪要(Markdown)", "Download minutes (Markdown)";
    DownloadActionsCsv => "下载行动项 CSV", "Download actions CSV";
    DownloadDecisionsCsv => "下载决议 CSV", "Download decisions CSV";
    DownloadAgendaCsv => "下载议程 CSV", "Download agenda CSV";
    CsvUnclosedQuote => "文件第 {0} 行的引号没有闭合,文件可能已损坏。未做任何更改。", "The quote opened on line {0} is never closed; the file may be damaged. Nothing was changed.";
    CsvNoIdColumn => "这不是本应用导出的行动项表:表头里没有“编号”“任务”“状态”等列。请导入从“行动项跟踪”页下载的 CSV(可在 Excel 中修改后保存)。未做任何更改。", "This is not an action table exported by this app: its header has none of the Id, Task or Status columns. Import the CSV downloaded from the tracker page (edited in Excel if you like). Nothing was changed.";
    CsvIdColumnRenamed => "表头中找不到“编号”列,它可能被改名或删除了;其他列都还在。请把该列的表头改回“编号”(或 Id)再导入。未做任何更改。", "The header has no “Id” column: it was probably renamed or removed, while the other columns are there. Name that column “Id” (or “编号”) again and import. Nothing was changed.";
    CsvEmpty => "文件是空的。未做任何更改。", "The file is empty. Nothing was changed.";
    CsvUnknownId => "第 {0} 行:本机没有编号为“{1}”的行动项,已跳过。", "line {0}: no action with id “{1}” on this device; skipped.";
    CsvBadDate => "第 {0} 行:无法识别的日期“{1}”(应为 YYYY-MM-DD),已跳过。", "line {0}: “{1}” is not a date (use YYYY-MM-DD); skipped.";
    CsvBadStatus => "第 {0} 行:无法识别的状态“{1}”,已跳过。", "line {0}: “{1}” is not a known status; skipped.";
    CsvMalformed => "第 {0} 行有 {1} 列,应为 {2} 列,已跳过。", "line {0} has {1} cells instead of {2}; skipped.";
    TextFileWorkbook => "这是 {0},不是文本文件,无法直接读取。要导入表格,请先另存为 CSV:Excel 中选 文件 → 另存为 → “CSV UTF-8(逗号分隔)”;WPS 中选 文件 → 另存为 → 文件类型选 CSV;LibreOffice 中选 文件 → 另存为 → 文件类型选“文本 CSV”。未做任何更改。", "This is {0}, not a text file. To import a sheet, save it as CSV first: in Excel, File → Save As → “CSV UTF-8 (Comma delimited)”; in WPS Office, File → Save As → file type CSV; in LibreOffice, File → Save As → file type “Text CSV”. Nothing was changed.";
    TextFileXlsx => "Excel 工作簿(.xlsx)", "an Excel workbook (.xlsx)";
    TextFileXls => "Excel 97–2003 工作簿(.xls)", "an Excel 97–2003 workbook (.xls)";
    TextFileNotText => "这个文件不是可识别编码(UTF-8、UTF-16 或 GB18030)的文本,可能是图片、压缩包或其他程序的文件。未做任何更改。", "This file is not text in a known encoding (UTF-8, UTF-16 or GB18030); it may be an image, an archive or another program’s file. Nothing was changed.";
    FilterPerson => "按负责人或部门筛选", "Filter by owner or department";
    AllMeetings => "全部会议", "All meetings";
    AllStatuses => "全部状态", "All statuses";
    SortBy => "排序", "Sort by";
    AddProgress => "添加今日进展,回车保存", "Add today's progress, Enter to save";
    ExportTracker => "导出行动项表 CSV", "Export tracker CSV";
    ImportTracker => "导入 Excel 更新…", "Import Excel updates…";
    ImportPreview => "将更新 {0} 项,{1} 项无变化,{2} 行有问题。确认后才会修改。", "{0} {0:item|items} will change, {1} {1:is|are} unchanged, {2} {2:row has a problem|rows have problems}. Nothing changes until you apply.";
    ApplyChanges => "应用更改", "Apply changes";
    ImportApplied => "已更新 {0} 项行动项", "Updated {0} action {0:item|items}";
    ImportConflicts => "其中 {0} 项在导出后应用中也改了同一单元格:两边的值都列出,默认保留应用中的值,选了表格中的值才会覆盖。", "{0} of them {0:was|were} also changed in the app since the export: both values are shown, and the app's value stays unless you choose the sheet's.";
    ImportExportUnknown => "这份文件不是本设备最近 {0} 次导出的文件之一(或表头里的导出编号被改动了),无法区分负责人改过的单元格和没动过的单元格:下面列出了每个与应用中不同的值,请逐项核对,不要的取消勾选。", "This file is not one of this device's last {0} exports (or the export id in its header was changed), so cells the owners edited cannot be told from cells they left alone: every value that differs from the app is listed. Check each one and untick what you don't want.";
    ImportIncludeRow => "导入“{0}”的更改", "Import the changes to “{0}”";
    ImportBothChanged => "两边都改了", "Changed in both";
    ImportKeepApp => "保留应用中的值:{0}", "Keep the app's value: {0}";
    ImportTakeSheet => "采用表格中的值:{0}", "Take the sheet's value: {0}";
    ExportNotKept => "文件已下载,但本设备没能记下这次导出的值({0}):导入这份文件时将无法区分改过和没改过的单元格。", "The file was downloaded, but this device could not keep what it exported ({0}): when the file comes back, edited cells cannot be told from untouched ones.";
    ExportTooLargeToKeep => "行动项太多,超出了本设备为导出记录留的空间", "too many actions for the room this device keeps for exports";
    Reminder => "提醒:{0} 项行动项已逾期,{1} 项今天到期,{2} 项即将到期。", "Reminder: {0} action {0:item is|items are} overdue, {1} {1:is|are} due today and {2} {2:is|are} due soon.";

    // Reaching the owners (F3): their calendar and their chat.
    NotFilled => "未填写", "not set";
    IcsActionSummary => "行动项截止:{0}", "Action due: {0}";
    IcsProgressSummary => "更新行动项进度 · {0}", "Update action progress · {0}";
    IcsProgressBody => "请更新以下行动项的进度:", "Please update the progress of:";
    ChaseGreeting => "{0} 你好,以下 {1} 项行动项请跟进(截至 {2}):", "{0} hi, here are your open action items ({1}) as of {2}:";
    ChaseOverdue => "已逾期 {0} 天", "{0} {0:day|days} overdue";
    ChaseDueToday => "今天到期", "due today";
    ChaseDueSoon => "即将到期", "due soon";
    ChaseNoDeadline => "未定截止日期", "no deadline";
    ChaseClosingAt => "请每个工作日 {0} 前更新进度,完成后回复我。", "Please update your progress by {0} each working day, and reply when it is done.";
    ChaseClosing => "有进展或完成后请回复我。", "Please reply with your progress, or when it is done.";
    ChaseGroupHeading => "{0} · 行动项表", "{0} · action items";
    ChaseGroupHeadingAll => "行动项表", "Action items";
    ChaseAsOf => "(截至 {0},{1} 项未完成)", "(as of {0}, {1} open)";
    ReachTitle => "通知负责人", "Reach the owners";
    ReachHint => "负责人不必打开本应用:日历文件导入他们自己的日历(含提醒),消息贴到他们用的群聊。", "Owners need not open this app: the calendar file goes into their own calendar (with reminders), the messages into their chat.";
    DownloadActionCalendar => "下载行动项日历 (.ics)", "Download action calendar (.ics)";
    CalendarWritten => "日历含 {0} 个事件;{1} 项没有截止日期,未列入。", "The calendar has {0} {0:event|events}; {1} {1:item|items} without a deadline {1:is|are} left out.";
    ChaseFormatLabel => "消息格式", "Message format";
    ChaseFormatPlain => "纯文本", "Plain text";
    ChaseFormatMarkdown => "Markdown", "Markdown";
    CopyGroupMessage => "复制群消息(行动项表)", "Copy group message (action table)";
    ChaseByOwner => "按负责人复制消息", "A message per owner";
    CopyOwnerMessage => "复制消息", "Copy message";
    CopyOwnerMessageFor => "复制消息:{0}", "Copy message: {0}";
    OwnerLoadLine => "{0} 项未完成,{1} 项逾期", "{0} open, {1} overdue";
    ChaseNobody => "没有需要催办的行动项。", "Nothing open to chase.";
    ProgressTimeLabel => "负责人每日更新进度的时间", "Owners update progress daily at";
    ProgressTimeHint => "设定后,行动项日历会在每个工作日的这个时间提醒负责人。", "Once set, the action calendar reminds owners at this time on working days.";
    DueOverdue => "已逾期", "overdue";
    DueSoonTitle => "到期提醒", "Due-date warnings";
    DueSoonDays => "提前几个工作日提醒", "Warn this many working days ahead";
    NotifyTurnOn => "行动项即将到期时弹出浏览器通知(应用打开期间)", "Notify me in the browser when an action becomes due soon (while the app is open)";
    NotifyDenied => "浏览器已拒绝本站的通知,可在网站设置中允许。", "The browser blocks notifications for this site; allow them in its site settings.";
    NotifyUnsupported => "此浏览器不支持通知。", "This browser does not support notifications.";
    NotificationTitle => "行动项即将到期", "Actions due soon";
    ColId => "编号", "Id";
    ColProgress => "进展", "Progress";
    MinutesTitle => "会议纪要", "Minutes";
    ColAcceptance => "交付标准", "Acceptance standard";
    PromptAskView => "请还没发言的部门谈谈看法:“从你们的角度看,这个方案可行吗?”", "Ask a department that has not spoken: “From where you sit, does this work?”";
    PromptPark => "跑题了?先记入“会后单独沟通”,回到当前议题。", "Off topic? Park it for after the meeting and come back to this item.";
    PromptInviteDissent => "请持不同意见的一方说说理由,但别陷入争论。", "Invite the dissenting view and its reasons, without letting it become an argument.";
    PromptConclude => "把结论说出来并确认:“我们同意按……推进,对吗?”", "Say the conclusion out loud and confirm it: “We agree to …, correct?”";
    PromptOwner => "每个决定都要落到人:谁负责、交付标准是什么、何时完成?", "Every decision needs an owner, an acceptance standard and a deadline.";
    PromptBreak => "休息时间,请准时回来。", "Break: back on time, please.";
    OpeningTitle => "开场(5–10 分钟)", "Opening (5–10 minutes)";
    OpeningObjective => "重申会议目标", "Restate the objective";
    OpeningAgenda => "过一遍议程和时间安排", "Walk through the agenda and timing";
    OpeningRules => "说明规则:每人每次发言不超过 {0} 分钟;聚焦解决方案,不追究责任", "State the rules: at most {0} {0:minute|minutes} per turn; focus on solutions, not blame";
    OpeningRound => "(可选)每人用 1 分钟同步当前进展", "(Optional) a one-minute round of updates";
    StartMeeting => "开始会议", "Start the meeting";
    Pause => "暂停", "Pause";
    Resume => "继续", "Resume";
    NextItem => "下一议题", "Next item";
    MeetingEnded => "会议已结束", "The meeting has ended";
    EndMeeting => "结束并总结", "End and summarise";
    MeetingClock => "会议用时", "Meeting time";
    TimeLeft => "剩余", "Left";
    ItemClock => "本议题", "This item";
    Overrun => "超时", "Over time";
    NextUp => "接下来", "Next";
    LastItem => "这是最后一个议题", "This is the last item";
    Speaker => "发言人", "Speaker";
    StartTurn => "开始发言计时", "Start turn";
    TurnMinutes => "每次发言时长(分钟)", "Minutes per speaking turn";
    TurnLeft => "发言剩余", "Turn left";
    TurnOver => "发言超时", "Turn over by";
    DaysHours => "{0} 天 {1} 小时", "{0} {0:day|days} {1} h";
    Paused => "已暂停", "Paused";
    PlannedActual => "计划 / 实际", "Planned / actual";
    Prompts => "主持提示", "Facilitation prompts";
    ParkPlaceholder => "跑题的问题,回车记入会后沟通", "Off-topic point, Enter to park";
    DecisionPlaceholder => "会上结论,回车记录", "Decision reached, Enter to record";
    ActionPlaceholder => "行动项任务,回车添加", "Action task, Enter to add";
    Incomplete => "缺:{0}", "Missing: {0}";
    RoomMode => "投屏模式", "Room mode";
    ExitRoomMode => "退出投屏", "Leave room mode";
    Mute => "静音", "Mute";
    Shortcuts => "快捷键", "Shortcuts";
    ShortcutsHelp => "空格 开始/暂停 · N 下一议题 · T 发言计时 · P 会后沟通 · D 决议 · A 行动项 · R 投屏模式 · E 结束 · ? 帮助 · Esc 关闭", "Space start/pause · N next item · T speaker turn · P park · D decision · A action · R room mode · E end · ? help · Esc close";
    SummaryTitle => "会议总结", "Summary";
    FollowUpRule => "跟进方式:行动项表今日下班前发到群里,各负责人每日 17:00 更新进度。", "Follow-up: the action table goes to the group before the end of today; owners update progress daily at 17:00.";
    FollowUpRuleAt => "跟进方式:行动项表今日下班前发到群里,各负责人每个工作日 {0} 前更新进度。", "Follow-up: the action table goes to the group before the end of today; owners update progress by {0} each working day.";
    GoFollowUp => "进入跟进", "Go to follow-up";
    WakeLockUnsupported => "这个浏览器不能让屏幕保持常亮:开会时请把系统的自动锁屏时间调长。", "This browser cannot keep the screen on: set a longer screen timeout for the meeting.";
    WakeLockDenied => "浏览器没有允许屏幕保持常亮(常见于省电模式):开会时请把系统的自动锁屏时间调长。", "The browser did not let the screen stay on (often in battery saver): set a longer screen timeout for the meeting.";

    // Offline and updates.
    UpdateReady => "新版本已就绪。", "A new version is ready.";
    Reload => "立即更新", "Reload";
    OfflineReady => "已可离线使用", "Works offline";
    // Ask and reply links (A1): core::formats::asking, ui/pages/answer.rs, ui/pages/replies.rs.
    AskKindAttendance => "出席与准备", "Attendance and preparation";
    AskKindActions => "行动项进展", "Action progress";
    AskKindFeedback => "会后反馈", "Feedback";
    AskKindMinutes => "确认会议纪要", "Confirm the minutes";
    AskRequestMinutes => "请在 24 小时内确认会议纪要初稿,或指出需要更正的地方。", "Please confirm the minutes' draft within 24 hours, or say what needs correcting.";
    ReplyFieldMinutes => "纪要确认", "Minutes confirmed";
    ReplyFieldCorrection => "纪要更正", "Correction to the minutes";
    ReplyConfirmed => "已确认", "Confirmed";
    ReplyNotConfirmed => "未确认", "Not confirmed";
    ReplyCorrectionBy => "更正({0},{1}):", "Correction ({0}, {1}):";
    AnswerConfirm => "纪要无误,确认", "The minutes are right: confirm";
    AnswerCorrect => "需要更正", "Something needs correcting";
    AnswerCorrection => "需要更正的内容", "What needs correcting";
    AnswerRuleMinutes => "纪要初稿会后 2 小时内发出,请在 24 小时内确认或指出更正。", "The draft goes out within 2 hours of the meeting: confirm it or correct it within 24 hours.";
    AnswerMissingCorrection => "请写明需要更正的内容。", "Please say what needs correcting.";
    LinkBroken => "链接不完整或不是本应用生成的:可能在聊天中被截断了。未做任何改动。", "This link is incomplete or was not made by this app; it may have been cut in the chat. Nothing was changed.";
    LinkNewer => "链接由更新版本的应用生成,请刷新页面后再打开。", "This link was made by a newer version of the app; reload the page and open it again.";
    LinkTooLong => "链接过长,不是本应用生成的。未做任何改动。", "This link is too long to be one this app made. Nothing was changed.";
    ReplyForged => "签名不符:回复被改动过,或不是由收到这次询问的人发出的。未做任何改动。", "The signature does not match: the reply was altered, or it was not sent by someone who received this ask. Nothing was changed.";
    ReplyUnknownAsk => "本设备上没有发出这次询问的会议(可能已删除)。未做任何改动。", "No meeting on this device made this ask (it may have been deleted). Nothing was changed.";
    ReplyNotAsked => "回复与询问不符(会议、人员或类型不同)。未做任何改动。", "The reply does not match its ask (meeting, person or kind). Nothing was changed.";
    ReplyAlreadyTaken => "已收取过这条回复,或同一人更新的回复:不再改动。", "This reply, or a newer one from the same person, was taken already: nothing changes again.";
    ReplyFieldAttendance => "出席", "Attendance";
    ReplyFieldPreReads => "已读预读材料", "Pre-reads read";
    ReplyFieldRisks => "部门风险点", "Department's risk points";
    ReplyFieldStatus => "状态", "Status";
    ReplyFieldDeadline => "截止日期", "Deadline";
    ReplyFieldNote => "进展", "Progress";
    ReplyFieldFeedback => "反馈", "Feedback";
    ReplyLeaveDetail => "{0}(原因:{1};替代人:{2})", "{0} (reason: {1}; substitute: {2})";
    ReplyNewDateNote => "改期至 {0}:{1}", "moved to {0}: {1}";
    ReplyTimeRight => "时间分配合理", "Time allocation right";
    ReplyTimeWrong => "时间分配不合理", "Time allocation wrong";
    ReplyMaterialsEnough => "材料充分", "Materials enough";
    ReplyMaterialsShort => "材料不足", "Materials short";
    ReplyMessage => "{0} 对“{1}”的回复(点开由组织者收取):", "{0}'s reply to “{1}” (for the organiser to open):";
    AskRequestAttendance => "请在会前 24 小时确认是否出席;请假请写明原因并安排同级别替代人,并回复预读情况和本部门的风险点。", "Please confirm 24 hours ahead whether you attend; for leave, give a reason and a same-level substitute, and say whether you read the pre-reads and your department's risk points.";
    AskRequestActions => "请更新你的行动项进展;已逾期的请给出新的完成日期和原因。", "Please update your actions; for a late one, give a new date and the reason.";
    AskRequestFeedback => "请花一分钟回答本次会议的反馈问题,用于季度复盘。", "Please take a minute to answer the meeting's feedback questions for the quarterly review.";
    AskOpenLink => "点此回复", "Answer here";
    AskGreeting => "{0},", "{0}: ";
    AskGreetingGroup => "各位,", "Everyone: ";
    AskHowToReply => "手机打开即可,无需登录;填好后把生成的回复链接发回给我。", "It opens on a phone with no login; when done, send me the reply link it makes.";
    AskReminder => "还没收到 {0} 的回复。", "No answer yet from {0}. ";
    AskPanelTitle => "请相关人员回复", "Ask for answers";
    AskPanelHint => "每人一个链接(或一个群链接),发到聊天里;对方在手机上作答,把回复链接发回。回复带有签名,本机核对后先预览再应用,可撤销。不需要账号,也没有服务器:链接内容只在浏览器之间传递。", "One link per person (or one for the group), sent through the chat; each answers on their phone and sends a reply link back. Replies are signed, checked here, previewed and applied in one undoable step. No account and no server: the links' contents pass only between browsers.";
    AskMakePerPerson => "每人一个链接", "One link per person";
    AskMakeGroup => "一个群链接", "One group link";
    AskNobody => "还没有可以询问的人。", "Nobody to ask yet.";
    AskMade => "已生成询问链接", "Ask links made";
    AskCopyMessage => "复制消息", "Copy message";
    AskCopyAll => "复制全部", "Copy all";
    AskAnswered => "已回复:{0}", "Answered: {0}";
    AskWaiting => "未回复:{0}", "Waiting for: {0}";
    AskAllAnswered => "全部已回复", "Everyone has answered";
    AskCopyReminder => "复制提醒消息", "Copy a reminder";
    AskOwner => "请其回复进展", "Ask for progress";
    AskOwnerFor => "请 {0} 回复行动项进展", "Ask {0} for progress on their actions";
    AskOwnerCopied => "已为 {0} 生成 {1} 个询问链接并复制消息", "{1} ask link(s) made for {0}, message copied";
    AskPasteReplies => "收取回复", "Take in replies";
    AskEarlier => "已发出的询问", "Asks sent";
    AskMadeAt => "{0} · {1} · {2} 人", "{0} · {1} · {2} {2:person|people}";
    AnswerIntro => "这是会议组织者发来的询问。在本页作答后会生成一个回复链接,把它发回聊天即可:无需安装或登录,填写的内容只保存在你的设备上。", "The meeting's organiser asks you for an answer. Answer on this page, then send back the reply link it makes: nothing to install, no login, and what you type stays on your device.";
    AnswerPickName => "你是哪一位?", "Which one are you?";
    AnswerComing => "我会出席", "I will attend";
    AnswerLeave => "我请假", "I ask for leave";
    AnswerReason => "请假原因", "Reason for leave";
    AnswerSubstitute => "替代人(同级别同事)", "Substitute (a same-level colleague)";
    AnswerRuleLeave => "请假须在会前 24 小时提出,并安排同级别的替代人出席。", "Ask for leave 24 hours ahead and send a same-level colleague instead.";
    AnswerLate => "已过会前 24 小时:回复仍可发送,但会被标记为逾期。", "The 24-hour line has passed: you can still answer, but it is marked late.";
    AnswerRead => "我已阅读预读材料", "I have read the pre-reads";
    AnswerRuleRead => "预读材料提前一天发出,请带着问题来开会。", "Pre-reads go out a day ahead: come with your questions.";
    AnswerRisks => "本部门的风险点(每行一条)", "Your department's risk points (one a line)";
    AnswerBring => "通知请你们准备:{0}", "The notice asks you to bring: {0}";
    AnswerRuleProgress => "每天按约定时间更新进展;逾期须给出新的日期和原因。", "Update progress each day at the agreed time; a late action needs a new date and the reason.";
    AnswerOverdue => "已逾期(原定 {0})", "Late (due {0})";
    AnswerDue => "截止 {0}", "Due {0}";
    AnswerNote => "进展说明", "Progress note";
    AnswerNewDate => "新的完成日期", "New date";
    AnswerWhy => "改期原因", "Why it moved";
    AnswerNoActions => "你名下没有未完成的行动项。", "You have no open actions here.";
    AnswerTimeRight => "议程的时间分配合理吗?", "Was the agenda's time allocation right?";
    AnswerMaterialsEnough => "会前材料充分吗?", "Were the materials enough?";
    AnswerRating => "总体评分(1–5)", "Overall rating (1–5)";
    AnswerComment => "改进建议", "What to improve";
    AnswerRuleFeedback => "反馈用于季度复盘,帮助下次会议更高效。", "Feedback goes into the quarterly review, to make the next meeting better.";
    AnswerSend => "生成回复链接", "Make my reply link";
    AnswerShare => "分享…", "Share…";
    AnswerSent => "回复已复制:请粘贴到与组织者的聊天中发送。", "Reply copied: paste it into your chat with the organiser.";
    AnswerCopyFallback => "无法自动复制,请长按下面的文字复制后发送。", "Could not copy automatically: press and hold the text below to copy it.";
    AnswerDraftKept => "填写内容保存在本机,刷新或离线也不会丢失。", "What you type is kept on this device, through a reload or offline.";
    AnswerNoCrypto => "此浏览器无法为回复签名(需要 HTTPS 访问)。", "This browser cannot sign the reply (it needs HTTPS).";
    AnswerWhen => "时间", "When";
    AnswerPlace => "地点", "Where";
    AnswerAgenda => "议程", "Agenda";
    AnswerReads => "预读材料", "Pre-reads";
    RepliesTitle => "收取回复", "Take in replies";
    RepliesHint => "粘贴一条或多条回复,连同聊天记录也可以:本机找出每条回复链接,核对签名后预览改动。", "Paste one reply or several, chat messages around them too: each reply link is found, its signature checked, and its changes previewed.";
    RepliesRead => "读取回复", "Read replies";
    RepliesNone => "文本中没有找到回复链接。", "No reply link found in the text.";
    RepliesConflict => "你在询问之后改过此项,两个值都在这里:选择要保留的。", "You changed this after asking; both values are here: choose one.";
    RepliesKeepMine => "保留我的", "Keep mine";
    RepliesTakeTheirs => "采用回复", "Take the reply";
    RepliesLate => "逾期回复", "Answered late";
    RepliesApply => "应用", "Apply";
    RepliesApplied => "已应用 {0} 的回复", "{0}'s reply applied";
    RepliesNothing => "没有需要改动的内容", "Nothing to change";
    RepliesLeftOut => "{0} 项不属于此人或已不存在,未采用。", "{0} item(s) not this person's or no longer there: left out.";
    RepliesRefused => "第 {0} 条回复:{1}", "Reply {0}: {1}";
    RepliesReading => "正在核对…", "Checking…";
    RepliesColWho => "人员", "Who";
    RepliesColField => "项目", "Field";
    RepliesColNow => "现有", "Now";
    RepliesColAnswer => "回复", "Reply";
    RepliesColTake => "采用", "Take";
    AnswerMissingReason => "请写明请假原因。", "Please give the reason for leave.";
    AnswerMissingSubstitute => "请填写出席的同级别替代人。", "Please name the same-level colleague who attends instead.";
    AnswerMissingNewDate => "逾期的行动项请给出新的完成日期。", "A late action needs a new date.";
    AnswerMissingWhy => "请写明改期原因。", "Please say why the date moved.";
    // The team space (T1-T5) before its worker module is loaded; its own texts are `S`.
    SpaceTitle => "团队空间", "Team space";
    SpaceIntro => "多位组织者共用会议和跟踪表,不需要服务器:每台设备把自己的文件写进公司已在同步的文件夹(OneDrive、SharePoint、Nextcloud、坚果云、网络共享等),并读取其他成员的文件。", "Several organisers share meetings and one tracker, with no server: each device writes its own file into a folder your company already syncs (OneDrive, SharePoint, Nextcloud, Seafile, a network share) and reads the other members' files.";
    SpaceSetUp => "设置团队空间…", "Set up a team space…";
    SpaceLoading => "正在载入团队空间…", "Loading the team space…";
    SpaceUnavailable => "团队空间无法载入:{0}", "The team space could not load: {0}";
}

// The team space's own texts (T1-T5), drawn by its worker module: built only with it, so the
// app's module carries none of them.
#[cfg(feature = "space")]
texts! {
    /// A text of the team space; [`S::get`] gives it in a language.
    S, SPACE_TEXTS;
    Title => "团队空间", "Team space";
    MemberName => "你的名字(其他成员看到的)", "Your name (as other members see it)";
    SpaceName => "空间名称(每位成员须填写相同的名称)", "Space name (the same for every member)";
    PickFolder => "选择同步文件夹并开启", "Pick the synced folder and turn on";
    WithoutFolder => "不用文件夹开启(手动交换文件)", "Turn on without a folder (swap files by hand)";
    JoinFromFile => "用成员的空间文件加入…", "Join from a member's space file…";
    NoPicker => "此浏览器不能选择文件夹(Chrome、Edge 及国内常见的 Chromium 浏览器可以):仍可开启,并用下方按钮手动导出、导入空间文件。", "This browser cannot pick folders (Chrome, Edge and other Chromium browsers can): you can still turn the space on and export and import the space file by hand.";
    NeedsNames => "请先填写你的名字(新建空间时还有空间名称)。", "Fill in your name first (and the space's name, to start a space).";
    Folder => "文件夹:{0}", "Folder: {0}";
    NoFolder => "未连接文件夹:改动保存在本机,连接后再写出。", "No folder connected: changes are kept here and written once it is.";
    LastRead => "最近读取:{0}", "Last read: {0}";
    LastWritten => "最近写入:{0}", "Last written: {0}";
    Never => "尚未", "not yet";
    Pending => "有改动在等待写入文件夹。", "Changes are waiting to be written to the folder.";
    Members => "成员:{0}", "Members: {0}";
    Skipped => "跳过的文件:{0}({1})", "File skipped: {0} ({1})";
    Unreadable => "无法读取,可能尚未同步完,下次再试", "unreadable, perhaps still syncing; tried again next time";
    OtherSpace => "属于另一个空间", "it belongs to another space";
    Problem => "文件夹问题:{0}", "Folder problem: {0}";
    Permission => "浏览器需要你再次允许访问该文件夹。", "The browser needs you to allow the folder again.";
    Regrant => "允许访问文件夹", "Allow the folder";
    SyncNow => "立即同步", "Sync now";
    Export => "导出空间文件", "Export the space file";
    Import => "导入成员的空间文件", "Import a member's space file";
    Leave => "退出团队空间(本机保留副本)", "Leave the space (the copies here stay)";
    Left => "已退出团队空间,会议仍保留在本机。", "You left the team space; the meetings stay on this device.";
    Share => "放入团队空间", "Share in the team space";
    SharedBadge => "团队", "Team";
    Touched => "最近由 {0} 修改 · {1}", "Last changed by {0} · {1}";
    Conflicts => "{0} 处冲突", "{0} {0:conflict|conflicts}";
    ConflictHelp => "两台设备在同步前改了同一处内容:选一个版本,或直接改成新的;所有成员都会看到结果。", "Two devices changed the same thing before they synced: pick one version, or type a new one; every member sees the result.";
    UseThis => "用这个", "Use this";
    RemovedElsewhere => "「{0}」已被其他成员移出团队空间,本机仍保留副本。", "Another member took \u{201c}{0}\u{201d} out of the team space; the copy here stays.";
    Untitled => "未命名会议", "Untitled meeting";
    HeaderSynced => "团队 · 已同步 {0}", "Team · synced {0}";
    HeaderWaiting => "团队 · 改动待写出", "Team · changes waiting";
    HeaderProblem => "团队 · 文件夹需处理", "Team · folder needs you";
    FieldTitle => "会议标题", "Title";
    FieldObjective => "会议目标", "Objective";
    FieldActions => "行动项", "Action items";
    FieldAgenda => "议程", "Agenda";
    FieldTask => "任务", "Task";
    FieldOwner => "负责人", "Owner";
    FieldDeadline => "截止", "Deadline";
    FieldStatus => "状态", "Status";
    StatusOpen => "待开始", "Open";
    StatusInProgress => "进行中", "In progress";
    StatusBlocked => "受阻", "Blocked";
    StatusDone => "已完成", "Done";
    StatusCancelled => "已取消", "Cancelled";
}

/// Fills `{0}`, `{1}`, … in `text` with `args`, and chooses English singulars: `{0:item|items}`
/// is `item` when the value of `{0}` is exactly `1` and `items` otherwise (Chinese needs none).
pub fn fill(text: &str, args: &[&str]) -> String {
    // One pass over the text: a value that itself contains `{1}` (a title, a task) is copied as
    // it is, never filled in turn.
    let mut out = String::with_capacity(text.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, placeholder(&after[..close], args)?)))
        {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What `{inside}` stands for: a value, or one of a plural choice's two forms.
fn placeholder<'a>(inside: &'a str, args: &[&'a str]) -> Option<&'a str> {
    let (index, forms) = match inside.split_once(':') {
        Some((index, forms)) => (index, Some(forms.split_once('|')?)),
        None => (inside, None),
    };
    let value = *args.get(index.parse::<usize>().ok()?)?;
    Some(match forms {
        Some((one, _)) if value == "1" => one,
        Some((_, other)) => other,
        None => value,
    })
}

/// Shorthand for `fill(key.get(lang), args)`.
pub fn tr(lang: Lang, key: T, args: &[&str]) -> String {
    fill(key.get(lang), args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(
            tr(Lang::En, T::AgendaTotal, &["55", "60"]),
            "Agenda 55 min of 60 min"
        );
        assert_eq!(
            tr(Lang::Zh, T::AgendaTotal, &["55", "60"]),
            "议程合计 55 分钟 / 会议 60 分钟"
        );
    }

    #[test]
    fn values_are_never_filled_in_turn() {
        assert_eq!(fill("{0} and {1}", &["{1}", "x"]), "{1} and x");
        assert_eq!(fill("{0}{0}", &["{0}"]), "{0}{0}");
        assert_eq!(fill("{a} {9} {0", &["v"]), "{a} {9} {0", "not placeholders");
        assert_eq!(fill("{0}", &[]), "{0}", "no value to fill");
        assert_eq!(fill("价格 {0} 元}", &["5"]), "价格 5 元}");
    }

    #[test]
    fn english_singulars_are_chosen_by_the_value() {
        let text = "{0} {0:item|items} will change, {1} {1:is|are} unchanged";
        assert_eq!(
            fill(text, &["1", "2"]),
            "1 item will change, 2 are unchanged"
        );
        assert_eq!(
            fill(text, &["0", "1"]),
            "0 items will change, 1 is unchanged"
        );
        assert_eq!(fill("{0} {0:hour|hours}", &["1.5"]), "1.5 hours");
        assert_eq!(
            tr(Lang::En, T::ImportPreview, &["1", "1", "1"]),
            "1 item will change, 1 is unchanged, 1 row has a problem. Nothing changes until you apply."
        );
        assert_eq!(tr(Lang::En, T::ParticipantsCount, &["1"]), "1 person");
        assert_eq!(tr(Lang::Zh, T::ParticipantsCount, &["1"]), "1 人");
        assert_eq!(
            fill("{0:a|b}", &["{0:a|b}"]),
            "b",
            "a value is never a form"
        );
        assert_eq!(
            fill("{0:ab} {1:a|b}", &["1"]),
            "{0:ab} {1:a|b}",
            "not choices"
        );
    }

    #[test]
    fn every_plural_choice_is_well_formed_and_english_only() {
        for (key, texts) in TEXTS.iter().enumerate() {
            for (lang, text) in [Lang::Zh, Lang::En].into_iter().zip(texts) {
                for (start, _) in text.match_indices('{') {
                    let inside = &text[start + 1..];
                    let Some(inside) = inside.split_once('}').map(|(inside, _)| inside) else {
                        continue;
                    };
                    if let Some((index, forms)) = inside.split_once(':') {
                        assert_eq!(lang, Lang::En, "text {key}: Chinese has no plural forms");
                        assert!(index.parse::<usize>().is_ok(), "text {key}: {inside}");
                        let (one, other) = forms.split_once('|').expect("two forms");
                        assert!(
                            !one.is_empty() && !other.is_empty() && !other.contains('|'),
                            "text {key}: {inside}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn chinese_is_the_default_language() {
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(T::AppName.get(Lang::default()), "跨部门会议助手");
    }
}
