import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CORE_SUBJECTS,
  CreateEvaluationRequest,
  CreateRecommendationRequest,
  EvaluationListQuery,
  EvaluationSummaryView,
  EvaluationView,
  FollowUpRequest,
  PutEvaluationAnswersRequest,
  RecommendationParams,
  RecommendationView,
  versionFromIfMatch,
  type Page,
} from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { NoContent } from '../http/decorators';
import { IdParam } from '../http/id-param';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag of the evaluation from a previous read; a stale one → 412' };

/** LKE evaluations (API.md "Core performance": Evaluations; DOMAIN.md "Evaluation (LKE)"). */
@ApiTags('Evaluations')
@ApiBearerAuth()
@Controller('evaluations')
export class EvaluationsController {
  constructor(private readonly rpc: RpcClient) {}

  /** admin_opd and viewer see published evaluations of their own OPD only. */
  @Get()
  @Allow('evaluations.read')
  @ApiOkResponse({ type: [EvaluationSummaryView] })
  async list(@Query() query: EvaluationListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<EvaluationSummaryView>>(CORE_SUBJECTS.evaluationQuery, query, rpcOptions(req)));
  }

  /** The whole sheet: components → subComponents → criteria, computed values, score, grade, recommendations. */
  @Get(':id')
  @Allow('evaluations.read')
  @ApiOkResponse({ type: EvaluationView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<EvaluationView>(CORE_SUBJECTS.evaluationGet, { id: p.id }, rpcOptions(req));
  }

  /** A draft copying the latest `lke-88-2021` template (evaluators); 409 when the OPD has one for the year. */
  @Post()
  @Allow('evaluations.manage')
  @ApiCreatedResponse({ type: EvaluationView })
  create(@Body() body: CreateEvaluationRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<EvaluationView>(CORE_SUBJECTS.evaluationCreate, body, rpcOptions(req));
  }

  /** Draft only (else 409). */
  @Delete(':id')
  @Allow('evaluations.manage')
  @NoContent()
  @ApiHeader(IF_MATCH)
  async delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    await this.rpc.request(CORE_SUBJECTS.evaluationDelete, { id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** Upserts answers per criterion while draft (after finalize 409); a wrong answer type or unknown criterion → 400. */
  @Put(':id/answers')
  @Allow('evaluations.manage')
  @ApiOkResponse({ type: EvaluationView })
  @ApiHeader(IF_MATCH)
  answer(@Param() p: IdParam, @Body() body: PutEvaluationAnswersRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<EvaluationView>(CORE_SUBJECTS.evaluationAnswer, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** A recommendation on one component (evaluators, before finalize). */
  @Post(':id/recommendations')
  @Allow('evaluations.manage')
  @ApiCreatedResponse({ type: RecommendationView })
  @ApiHeader(IF_MATCH)
  recommend(@Param() p: IdParam, @Body() body: CreateRecommendationRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<RecommendationView>(CORE_SUBJECTS.evaluationRecommend, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** draft → final (evaluators): stores score and grade; 409 while any criterion is unanswered. */
  @Post(':id/finalize')
  @HttpCode(200)
  @Allow('evaluations.manage')
  @ApiOkResponse({ type: EvaluationView })
  @ApiHeader(IF_MATCH)
  finalize(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<EvaluationView>(CORE_SUBJECTS.evaluationFinalize, { id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** final → published (super_admin). */
  @Post(':id/publish')
  @HttpCode(200)
  @Allow('evaluations.publish')
  @ApiOkResponse({ type: EvaluationView })
  @ApiHeader(IF_MATCH)
  publish(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<EvaluationView>(CORE_SUBJECTS.evaluationPublish, { id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** Tindak lanjut (super_admin, or admin_opd of that OPD) once published (before: 409). If-Match: the recommendation's ETag. */
  @Put(':id/recommendations/:rid/follow-up')
  @Allow('evaluations.follow_up')
  @ApiOkResponse({ type: RecommendationView })
  @ApiHeader({ ...IF_MATCH, description: 'ETag (version) of the recommendation; a stale one → 412' })
  followUp(@Param() p: RecommendationParams, @Body() body: FollowUpRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<RecommendationView>(CORE_SUBJECTS.evaluationFollowUp, { ...body, id: p.id, recommendationId: p.rid, expectedVersion }, rpcOptions(req));
  }
}
