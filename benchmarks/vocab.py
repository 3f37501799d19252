"""Word lists the benchmark corpus generator draws from: Shanxi place names and zone kind words
(used only when the repository has no gazetteer yet), company-name parts, products, industry
chains with their stages, people's names, news sites and page furniture. Everything here is
general vocabulary of the genre, written for the generator; nothing is taken from evaluation
articles. The lists are tuples so the generator's choices stay deterministic.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Prefecture-level cities and counties of Shanxi.
PLACES = _words(
    "太原 大同 朔州 忻州 阳泉 吕梁 晋中 长治 晋城 临汾 运城 清徐 古交 阳曲 怀仁 应县 山阴 原平"
    " 定襄 五台 寿阳 榆次 太谷 祁县 平遥 介休 灵石 孝义 汾阳 文水 交城 柳林 潞城 襄垣 屯留 长子"
    " 高平 阳城 泽州 沁水 侯马 洪洞 襄汾 曲沃 翼城 霍州 河津 永济 闻喜 绛县 芮城 盂县 平定 左云"
)
ZONE_KINDS = _words(
    "经济技术开发区 高新技术产业开发区 经济开发区 开发区 高新区 经开区 工业园区 产业园区 示范区"
    " 循环经济园区"
)
PROVINCE_ZONES = _words("山西转型综合改革示范区 太忻一体化经济区 晋中国家农业高新技术产业示范区")

# Company-name morphemes: two of these make a trade name (晋华, 恒泰 ...).
BRAND_CHARS = "晋华恒泰鑫宏瑞德源通安盛丰达兴远嘉汇中新长普凯润捷航明光宇锦"
COMPANY_TRADES = _words(
    "新材料科技 新能源 能源科技 装备制造 化工 生物医药 光电科技 半导体 智能科技 铝业 特钢 碳素"
    " 氢能科技 储能科技 农业科技 食品 环保科技"
)
COMPANY_FORMS = _words("有限公司 股份有限公司 集团有限公司 有限责任公司")

PRODUCTS = _words(
    "高纯氧化铝 锂电池正极材料 锂电池负极材料 电解液 光伏组件 单晶硅片 异质结电池 碳纤维"
    " 碳化硅衬底 不锈钢精密铸件 冷轧板材 铝合金型材 镁合金压铸件 氢燃料电池 风电塔筒 智能传感器"
    " 功能性杂粮食品 中成药 医用耗材 可降解塑料 气凝胶 针状焦 特种玻璃 新型建材 储能电池"
)
PROJECT_FORMS = _words(
    "年产{cap}万吨{product}项目 年产{cap}万套{product}项目 {product}生产基地项目"
    " {product}产业园项目 {cap}GW{product}项目 {product}研发及产业化项目"
)

# Industry chains: a name and the stages an article lists, in order.
CHAINS = (
    ("特钢材料产业链", _words("铁矿 冶炼 不锈钢 冷轧板材 精密加工")),
    ("铝镁精深加工产业链", _words("铝土矿 氧化铝 电解铝 铝型材 汽车轻量化部件")),
    ("光伏产业链", _words("工业硅 多晶硅 单晶硅片 电池片 光伏组件")),
    ("氢能产业链", _words("焦炉煤气制氢 储运 加氢站 燃料电池 氢能重卡")),
    ("碳基新材料产业链", _words("煤炭 焦化 煤焦油 针状焦 负极材料")),
    ("锂电产业链", _words("正极材料 电解液 电芯 电池模组 储能系统")),
    ("生物医药产业链", _words("中药材种植 原料药 制剂 医疗器械")),
    ("半导体产业链", _words("碳化硅粉料 衬底 外延片 功率器件")),
    ("风电装备产业链", _words("铸锻件 齿轮箱 塔筒 风电整机")),
    ("杂粮精深加工产业链", _words("杂粮种植 精深加工 功能食品 冷链物流")),
    ("煤机装备产业链", _words("钢材 液压支架 采煤机 智能矿山系统")),
    ("现代煤化工产业链", _words("煤炭 甲醇 烯烃 可降解材料")),
)
CHAIN_CATEGORIES = _words("优势特色 战略性新兴 重点 标志性引领性 专业镇特色")

AMOUNT_QUALIFIERS = ("", "", "", "约", "超", "近", "逾", "超过")
CN_DIGITS = "零一二三四五六七八九"

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
GIVEN_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国晓红玉兰海波鹏辉宇晨"

SITES = _words("太原新闻网 山西新闻网 黄河新闻网 晋城新闻网 大同新闻网 山西经济网")
SOURCES = _words("太原日报 山西日报 山西经济日报 科学导报 人民网 新华网 山西晚报")
COLUMNS = _words("今日聚焦 今日头条 山西建设 经济要闻 开发区动态 本地新闻")
PAPER_TITLES = _words("开发区建设 园区经济 转型发展")

TITLE_SLOGANS = (
    "项目建设跑出加速度",
    "奋力打造转型发展新引擎",
    "产业链条越拉越长",
    "向“新”而行 以“质”致远",
    "聚力招商引资 厚植发展优势",
    "以项目之进支撑发展之稳",
    "打造开发区建设升级版",
    "新质生产力加快培育",
)
SUBHEADINGS = _words(
    "传统产业蝶变新生 新兴产业蓄势成阵 人才引进效能释放 项目建设如火如荼 营商环境持续优化"
    " 链式集群加速成型 创新驱动动能强劲 招商引资成果丰硕"
)
# Lines web pages and newspaper scans leave in the text; {fields} are filled per article.
FURNITURE = (
    "has-portrait",
    "【纠错】 【责任编辑:{editor}】",
    "责任编辑：{editor}",
    "（{source}记者 {author}）",
    "扫一扫在手机打开当前页",
    "首页时政国际财经高层理论论坛思客信息化房产军事港澳台湾 图片视频娱乐时尚 体育 汽车科技",
    "https://www.example.cn/news/{num}.html",
    "分享到：",
    "{num}",
)
